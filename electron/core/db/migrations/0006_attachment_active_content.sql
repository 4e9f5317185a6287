-- Whether a PDF attachment holds active content (JavaScript, automatic or launch actions), found
-- at upload, so the case file's list warns before anyone opens it. NULL: filed before the check
-- was stored (the preview still checks the file at every opening); 0 for files that are not PDF.
ALTER TABLE attachments ADD COLUMN contenuto_attivo INTEGER CHECK (contenuto_attivo IN (0, 1));
