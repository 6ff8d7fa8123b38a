//! Pages anyone may see without signing in.

pub mod feedback;
pub mod landing;
pub mod language;
pub mod sign_in;
pub mod start;
