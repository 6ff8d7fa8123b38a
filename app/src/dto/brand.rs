//! What a council can change about how the portal looks and names itself.
//!
//! The colours live in `/brand.css`, which the server writes from configuration; this is
//! the part the pages themselves need. It is sent to the browser with the first page so
//! that the hydrated page names the service exactly as the server-rendered one did.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    /// The service's name in the header and page titles, for example "Family portal".
    pub service_name: String,
    /// The council's name, shown in the footer.
    pub organisation_name: String,
    /// A logo shown in the header, with its text alternative.
    pub logo: Option<Logo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logo {
    pub url: String,
    pub alt: String,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            service_name: "Family portal".to_owned(),
            organisation_name: "Your council".to_owned(),
            logo: None,
        }
    }
}
