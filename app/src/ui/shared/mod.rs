//! The layout and the pieces every audience uses.

pub mod brand;
pub mod form;
pub mod layout;
pub mod problems;
