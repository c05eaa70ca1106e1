#!/usr/bin/env bash
# Rebuilds the photo fixtures of PhotosTests from real photographs in Debian's mate-backgrounds package
# (usr/share/backgrounds/mate/nature, GPL-2+), shrunk and given metadata a phone would write: GPS, camera,
# XMP with GPS, IPTC, a comment, and Orientation 6 (rotate 90° CW) on the JPEG and the WebP.
# Needs (as root: apt-get install -y) imagemagick webp libimage-exiftool-perl; the package is only downloaded and
# unpacked into a temporary folder, not installed. Run from anywhere; writes next to this script.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && apt-get download mate-backgrounds >/dev/null && dpkg-deb -x mate-backgrounds_*.deb pkg)
SRC="$WORK/pkg/usr/share/backgrounds/mate/nature"

GPS=(-GPSLatitude=24.3385 -GPSLatitudeRef=N -GPSLongitude=109.4155 -GPSLongitudeRef=E -GPSAltitude=96 -GPSAltitudeRef=0)
CAMERA=(-Make=Xiaomi -Model="Redmi Note 12" -DateTimeOriginal="2024:05:06 15:04:05" -Artist="韦志强")

# JPEG: EXIF (GPS, camera, Orientation 6), XMP (with GPS), IPTC and a COM comment.
convert "$SRC/LadyBird.jpg" -resize 480x300 -strip -quality 82 "$WORK/ladybird.jpg"
exiftool -q -overwrite_original "${GPS[@]}" "${CAMERA[@]}" -Orientation#=6 \
  -XMP-exif:GPSLatitude=24.3385 -XMP-exif:GPSLongitude=109.4155 -XMP-dc:Creator="韦志强" \
  -IPTC:City=柳州 -IPTC:By-line="Wei Zhiqiang" -Comment="home: 柳州市柳北区" "$WORK/ladybird.jpg"
cp "$WORK/ladybird.jpg" "$HERE/ladybird-gps.jpg"

# PNG: eXIf chunk (GPS, camera), tEXt/iTXt (XMP with GPS), tIME.
convert "$SRC/Garden.jpg" -resize 320x200 -strip "$WORK/garden.png"
exiftool -q -overwrite_original "${GPS[@]}" "${CAMERA[@]}" \
  -XMP-exif:GPSLatitude=24.3385 -XMP-exif:GPSLongitude=109.4155 -PNG:Comment="home: 柳州市柳北区" "$WORK/garden.png"
cp "$WORK/garden.png" "$HERE/garden-gps.png"

# WebP (VP8X): EXIF (GPS, camera, Orientation 6) and XMP chunks.
convert "$SRC/YellowFlower.jpg" -resize 400x250 -strip "$WORK/flower.png"
cwebp -quiet -q 75 "$WORK/flower.png" -o "$WORK/flower.webp"
exiftool -q -overwrite_original "${GPS[@]}" "${CAMERA[@]}" -Orientation#=6 \
  -XMP-exif:GPSLatitude=24.3385 -XMP-exif:GPSLongitude=109.4155 "$WORK/flower.webp"
cp "$WORK/flower.webp" "$HERE/flower-gps.webp"

# Progressive JPEG (several scans, tables between them) with the same metadata, as some phones and WeChat write them.
convert "$SRC/FreshFlower.jpg" -resize 240x180 -strip -interlace JPEG -quality 80 "$WORK/fresh.jpg"
exiftool -q -overwrite_original "${GPS[@]}" "${CAMERA[@]}" -Orientation#=3 -XMP-exif:GPSLatitude=24.3385 "$WORK/fresh.jpg"
cp "$WORK/fresh.jpg" "$HERE/freshflower-progressive-gps.jpg"

# Simple lossless WebP (VP8L, no VP8X): carries no metadata, passes through as it is.
convert "$SRC/Garden.jpg" -resize 64x40 -strip "$WORK/small.png"
cwebp -quiet -lossless "$WORK/small.png" -o "$HERE/garden-lossless.webp"

ls -l "$HERE"
