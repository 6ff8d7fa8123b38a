//! Pages for staff: a family they work with, and codes for its members.

pub mod family;
