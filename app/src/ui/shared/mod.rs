//! The layout and the pieces every audience uses.

pub mod account;
pub mod chart;
pub mod count;
pub mod dates;
pub mod exit;
pub mod fields;
pub mod form;
pub mod layout;
pub mod loading;
pub mod own_data;
pub mod passkey;
pub mod problems;
pub mod table;
