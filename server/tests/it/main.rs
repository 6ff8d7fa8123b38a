//! The server's integration tests: one binary, a module per feature, and the support code
//! they share. One binary links the whole server once instead of once per feature, which is
//! most of what a test run on a 2-core machine spends.
//!
//! `cargo test -p server -- safety::` runs one feature's tests.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly at the step that went wrong"
)]

#[macro_use]
mod support;

mod abuse;
mod audit;
mod authz;
mod budget;
mod case_api;
mod crash;
mod evaluation;
mod first_use;
mod http;
mod identity;
mod meeting;
mod notify;
mod own_data;
mod privacy_property;
mod rooms;
mod safety;
mod scale;
mod schema;
mod store;
mod take_up;
mod tools;
