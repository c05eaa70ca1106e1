-- Issue 17: photos stored before V0009 have no display/thumb size. The background backfill (Features/Photos/
-- PhotoSizesBackfill.cs) makes them from the stored original, a batch per pass, and fills the V0009 columns.
-- sizes_error: why the backfill gave up on a photo for good (its stored file is missing, or the codec refuses it:
-- too_many_pixels, corrupt_image, unsupported_media_type), so no pass tries it again; such a photo keeps serving its
-- original for every size. NULL for every other photo.
ALTER TABLE photos
    ADD COLUMN sizes_error VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL
        CHECK (sizes_error IN ('file_missing','too_many_pixels','corrupt_image','unsupported_media_type')),
    ADD CONSTRAINT photos_sizes_error_only_without_sizes CHECK (sizes_error IS NULL OR display_sha256 IS NULL);
