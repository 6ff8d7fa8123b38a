//! The layout and the pieces every audience uses.

pub mod account;
pub mod brand;
pub mod exit;
pub mod fields;
pub mod form;
pub mod layout;
pub mod passkey;
pub mod problems;
