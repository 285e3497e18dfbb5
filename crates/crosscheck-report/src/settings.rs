//! Every tunable number of the renderers, in one place.

/// Characters of claim text kept in graph labels (DOT, GraphML, SVG titles).
pub const LABEL_CHARS: usize = 60;

/// Characters of the representative claim shown in a matrix row.
pub const MATRIX_SUMMARY_CHARS: usize = 90;

/// Total width, in characters, of terminal output laid out in columns.
pub const TERMINAL_WIDTH: usize = 100;

/// Narrowest column for the side-by-side dispute view; with more sides than
/// fit at this width the sides are stacked instead.
pub const MIN_COLUMN_WIDTH: usize = 28;

/// Number of disputes listed in the terminal summary.
pub const TOP_DISPUTES: usize = 5;

/// Side of the square SVG graph picture, in user units.
pub const SVG_SIZE: f64 = 480.0;

/// Radius of the circle the outlets are placed on, in user units.
pub const SVG_RADIUS: f64 = 170.0;

/// Radius of an outlet node, in user units.
pub const SVG_NODE_RADIUS: f64 = 9.0;

/// Stroke width of an outlet-to-outlet line per shared cluster.
pub const SVG_WIDTH_PER_CLUSTER: f64 = 1.5;

/// Largest stroke width of an outlet-to-outlet line.
pub const SVG_MAX_WIDTH: f64 = 12.0;

/// Words never highlighted as "shared" between evidence and representative:
/// they are shared by almost any two English sentences.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "her",
    "his", "in", "is", "it", "its", "of", "on", "or", "said", "she", "that", "the", "their", "they", "this", "to",
    "was", "were", "which", "who", "will", "with",
];

/// Sideways shift of a derivation arrow off the shared-cluster line between
/// the same two outlets, and gap between an arrow's tip and the node.
pub const SVG_ARROW_OFFSET: f64 = 5.0;
