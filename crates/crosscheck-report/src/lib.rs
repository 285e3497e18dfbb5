//! Rendering corroboration reports as JSON, Markdown, HTML, CSV, DOT, GraphML and terminal text.
