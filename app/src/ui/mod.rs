//! Components and pages, split by audience. `shared` holds the layout and the pieces
//! every audience uses; `public` holds pages anyone may see without signing in.

pub mod public;
pub mod shared;
