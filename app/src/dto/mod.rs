//! What crosses the wire: the plain data the server sends to pages, and the one error
//! type, shared by `api` (which returns them), `backend` (which builds them) and `ui`
//! (which shows them).
//!
//! Nothing here does I/O or decides anything, and nothing here imports `api`, `ui` or
//! `backend`: like `domain`, it compiles for the browser and the server alike.

pub mod account;
pub mod brand;
pub mod case_api;
pub mod child;
pub mod drafts;
pub mod error;
pub mod family;
pub mod notices;
pub mod own_data;
pub mod pack;
pub mod record;
pub mod supervision;
pub mod take_up;
pub mod tools;
pub mod views;

pub use error::AppError;
