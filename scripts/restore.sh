#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into an EMPTY database and photo folder.
#
#   scripts/restore.sh BACKUP_DIR
#
# Checks SHA256SUMS, creates the database if it does not exist, refuses one that has tables (restore into a fresh
# database, then point the API at it), loads the dump (schema, data, the ledger's triggers and the migration journal:
# the API starts without migrating), and unpacks the photos. Environment as for backup.sh, with RESTORE_ in place of
# BACKUP_: RESTORE_DB_HOST, RESTORE_DB_PORT, RESTORE_DB_USER, RESTORE_DB_PASSWORD, RESTORE_DB_NAME, RESTORE_PHOTOS_DIR.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

IN=${1:?usage: scripts/restore.sh BACKUP_DIR}
HOST=${RESTORE_DB_HOST:-127.0.0.1}
PORT=${RESTORE_DB_PORT:-${WESTUDIO_DB_PORT:-33306}}
USER_NAME=${RESTORE_DB_USER:-westudio}
NAME=${RESTORE_DB_NAME:-westudio}
PHOTOS=${RESTORE_PHOTOS_DIR:-${WESTUDIO_DATA_DIR:-$WS_ROOT/.data/dev}/photos}
ws_check_port RESTORE_DB_PORT "$PORT"
[[ "$NAME" =~ ^[A-Za-z0-9_]+$ ]] || ws_die "RESTORE_DB_NAME must be letters, digits and _"
[[ -f "$IN/westudio.sql.gz" && -f "$IN/photos.tar.gz" && -f "$IN/SHA256SUMS" ]] || ws_die "$IN is not a backup of scripts/backup.sh"
(cd "$IN" && sha256sum --quiet -c SHA256SUMS) || ws_die "$IN fails its SHA256SUMS"

CLIENT=$(command -v mariadb || command -v mysql || true)
[[ -n "$CLIENT" ]] || ws_die "the mariadb (or mysql) client is missing: apt-get install -y --no-install-recommends mariadb-client"
export MYSQL_PWD=${RESTORE_DB_PASSWORD:-}
db() { "$CLIENT" --protocol=TCP -h "$HOST" -P "$PORT" -u "$USER_NAME" --default-character-set=utf8mb4 "$@"; }

db -e "CREATE DATABASE IF NOT EXISTS \`$NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
tables=$(db -N -B -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$NAME'")
((tables == 0)) || ws_die "database $NAME on $HOST:$PORT has $tables tables: restore into an empty database"
if [[ -d "$PHOTOS" && -n "$(ls -A "$PHOTOS" 2>/dev/null)" ]]; then ws_die "photo folder $PHOTOS is not empty"; fi

ws_info "==> loading the dump into $NAME on $HOST:$PORT"
gunzip -c "$IN/westudio.sql.gz" | db -D "$NAME" || ws_die "loading the dump failed"
ws_info "==> photos into $PHOTOS"
mkdir -p "$PHOTOS"
tar -C "$PHOTOS" -xzf "$IN/photos.tar.gz"
ws_info "restored $IN: $(db -N -B -D "$NAME" -e "SELECT COUNT(*) FROM schema_migrations") migrations journaled, $(find "$PHOTOS" -type f -name '*.bin' | wc -l) photos"
