//! Pages for family members: their own space, and who has seen what they wrote.

pub mod home;
