-- The zone's logo for the letterhead of every letter: a PNG or JPEG as a data URL
-- (data:image/png;base64,…), at most 300 KB of image. NULL: no logo.
ALTER TABLE zone ADD COLUMN logo TEXT;
