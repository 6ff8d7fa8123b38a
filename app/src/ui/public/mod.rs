//! Pages anyone may see without signing in. None of them shows family data.

pub mod feedback;
pub mod landing;
pub mod sign_in;
