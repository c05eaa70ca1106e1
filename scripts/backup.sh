#!/usr/bin/env bash
# Backs up WeStudio: a consistent dump of the MySQL database and a copy of the photo folder.
#
#   scripts/backup.sh [BACKUP_DIR]        # default .data/backups/<UTC time>
#
# The dump is mariadb-dump (or mysqldump) with --single-transaction: one InnoDB snapshot, taken without locking
# writers, with the triggers (the ledger's, V0006) and the migration journal (schema_migrations), so a restore needs
# no migration run. The photos are copied AFTER the dump: a photo's file is written before its row (PhotosStore), so
# every row in the dump has its file in the copy; files of rows newer than the dump are harmless extras (the photo
# folder is content-addressed). Writes BACKUP_DIR/{westudio.sql.gz, photos.tar.gz, SHA256SUMS, backup.txt}.
#
# Environment (defaults: the development services of scripts/services.sh):
#   BACKUP_DB_HOST (127.0.0.1)  BACKUP_DB_PORT (WESTUDIO_DB_PORT or 33306)  BACKUP_DB_USER (westudio)
#   BACKUP_DB_PASSWORD (none; passed through MYSQL_PWD, never on the command line)  BACKUP_DB_NAME (westudio)
#   BACKUP_PHOTOS_DIR (WESTUDIO_DATA_DIR/photos, i.e. .data/dev/photos; Photos:Folder of the API)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HOST=${BACKUP_DB_HOST:-127.0.0.1}
PORT=${BACKUP_DB_PORT:-${WESTUDIO_DB_PORT:-33306}}
USER_NAME=${BACKUP_DB_USER:-westudio}
NAME=${BACKUP_DB_NAME:-westudio}
PHOTOS=${BACKUP_PHOTOS_DIR:-${WESTUDIO_DATA_DIR:-$WS_ROOT/.data/dev}/photos}
OUT=${1:-$WS_ROOT/.data/backups/$(date -u +%Y%m%dT%H%M%SZ)}
ws_check_port BACKUP_DB_PORT "$PORT"
[[ "$NAME" =~ ^[A-Za-z0-9_]+$ ]] || ws_die "BACKUP_DB_NAME must be letters, digits and _"

DUMP=$(command -v mariadb-dump || command -v mysqldump || true)
[[ -n "$DUMP" ]] || ws_die "mariadb-dump (or mysqldump) is missing: apt-get install -y --no-install-recommends mariadb-client"
[[ -e "$OUT" && -n "$(ls -A "$OUT" 2>/dev/null)" ]] && ws_die "$OUT exists and is not empty"
mkdir -p "$OUT"
export MYSQL_PWD=${BACKUP_DB_PASSWORD:-}

ws_info "==> dumping $NAME from $HOST:$PORT (one snapshot, --single-transaction)"
# --no-tablespaces: managed MySQL users rarely hold PROCESS; --skip-definer-free triggers are not an option in
# mysqldump, so the restore user needs TRIGGER (and SUPER or log_bin_trust_function_creators on a MySQL with binlog).
"$DUMP" --protocol=TCP -h "$HOST" -P "$PORT" -u "$USER_NAME" --single-transaction --quick --routines --triggers \
  --hex-blob --default-character-set=utf8mb4 --no-tablespaces --skip-lock-tables --databases "$NAME" \
  | sed -E "s/^(CREATE DATABASE|USE) .*//" | gzip >"$OUT/westudio.sql.gz"
[[ "${PIPESTATUS[0]}" == 0 ]] || ws_die "the dump failed"

ws_info "==> photos from $PHOTOS"
if [[ -d "$PHOTOS" ]]; then
  tar -C "$PHOTOS" --exclude='*.tmp' -czf "$OUT/photos.tar.gz" .
else
  ws_warn "no photo folder at $PHOTOS: the backup holds no photos"
  tar -czf "$OUT/photos.tar.gz" -T /dev/null
fi
{
  echo "WeStudio backup $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database $NAME on $HOST:$PORT ($("$DUMP" --version))"
  echo "photos $PHOTOS: $(tar -tzf "$OUT/photos.tar.gz" | grep -c '\.bin$' || true) files"
} >"$OUT/backup.txt"
(cd "$OUT" && sha256sum westudio.sql.gz photos.tar.gz >SHA256SUMS)
ws_info "backup written to $OUT"
echo "$OUT"
