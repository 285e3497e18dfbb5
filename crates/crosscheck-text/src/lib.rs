//! Story ingestion: reading articles, HTML to text, furniture removal and segmentation, with offsets into the original bytes.
