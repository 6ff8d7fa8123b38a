//! Components and pages, split by audience. `shared` holds the layout and the pieces
//! every audience uses; `public` holds pages anyone may see without signing in; `family`
//! holds family members' pages; `child` holds a child's screens; `practitioner` holds staff pages.

pub mod child;
pub mod family;
pub mod i18n;
pub mod practitioner;
pub mod public;
pub mod shared;
