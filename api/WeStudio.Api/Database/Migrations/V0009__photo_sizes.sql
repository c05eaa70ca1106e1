-- Issue 17: every photo is decoded and re-encoded at upload (Features/Photos/PhotoProcessor.cs), and two sizes for the
-- phone are stored beside the original, each as its own file in IPhotoStorage under its SHA-256 (hex), like the original:
--   display: JPEG, long side at most 1,280 px (what the brief page shows; what WeChat's media_check_async checks);
--   thumb:   JPEG, short side 240 px (the feed's grid of up to 9).
-- A size needing no reduction is the same file as a smaller one (or as a JPEG original): same hash, stored once.
-- Rows stored before this migration have NULL sizes and serve the original for every size.
ALTER TABLE photos
    ADD COLUMN display_sha256 CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL CHECK (display_sha256 REGEXP '^[0-9a-f]{64}$'),
    ADD COLUMN display_width  INT NULL CHECK (display_width > 0),
    ADD COLUMN display_height INT NULL CHECK (display_height > 0),
    ADD COLUMN display_bytes  INT NULL CHECK (display_bytes > 0),
    ADD COLUMN thumb_sha256   CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL CHECK (thumb_sha256 REGEXP '^[0-9a-f]{64}$'),
    ADD COLUMN thumb_width    INT NULL CHECK (thumb_width > 0),
    ADD COLUMN thumb_height   INT NULL CHECK (thumb_height > 0),
    ADD COLUMN thumb_bytes    INT NULL CHECK (thumb_bytes > 0),
    ADD CONSTRAINT photos_sizes_together CHECK ((display_sha256 IS NULL) = (thumb_sha256 IS NULL)),
    ADD KEY photos_display_sha256 (display_sha256),
    ADD KEY photos_thumb_sha256 (thumb_sha256);
