//! Pages for family members: their own space, their tools, and who has seen what they
//! wrote.

pub mod decided;
pub mod flows;
pub mod help;
pub mod home;
pub mod messages;
pub mod progress;
pub mod replies;
pub mod tools;
