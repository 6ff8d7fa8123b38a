//! The council's case system and the integration API it calls: a member's reference in
//! that system, and what an admin types to register a client. Parsed here once, with
//! plain-words errors for the admin's forms.

/// The longest reference a case system's person id may be.
pub const REFERENCE_MAX: usize = 64;
/// The longest name of an API client.
pub const CLIENT_NAME_MAX: usize = 80;
/// The longest an API client's secret works for, in days: a year, so a secret is changed
/// at least that often.
pub const CLIENT_DAYS_MAX: i64 = 366;
/// How many calls one client may make in a minute before it is told to wait.
pub const CALLS_PER_MINUTE: i64 = 120;

/// A member's reference in the case system (an LCS or Mosaic person id, say): letters,
/// digits and `-`, `_`, `.` or `/`, up to 64 characters, as the case system writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef(String);

impl CaseRef {
    pub fn parse(raw: &str) -> Result<CaseRef, String> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err("Enter the case system's reference for this person".to_owned());
        }
        if trimmed.chars().count() > REFERENCE_MAX {
            return Err(format!(
                "The reference must be {REFERENCE_MAX} characters or fewer"
            ));
        }
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        {
            return Err(
                "The reference can only have letters, numbers, hyphens, underscores, full stops and slashes"
                    .to_owned(),
            );
        }
        Ok(CaseRef(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What an admin calls an API client, so the audit trail and "who has seen" say which
/// system read a family's words ("Exampleshire LCS", say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientName(String);

impl ClientName {
    pub fn parse(raw: &str) -> Result<ClientName, String> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err("Enter a name for the system, such as the case system's name".to_owned());
        }
        if trimmed.chars().count() > CLIENT_NAME_MAX {
            return Err(format!(
                "The name must be {CLIENT_NAME_MAX} characters or fewer"
            ));
        }
        if trimmed.chars().any(char::is_control) {
            return Err("The name must be on one line".to_owned());
        }
        Ok(ClientName(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How many days a new client's secret works for, from 1 to `CLIENT_DAYS_MAX`.
pub fn parse_days(raw: &str) -> Result<i64, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("Enter how many days the secret should work for".to_owned());
    }
    match trimmed.parse::<i64>() {
        Ok(days) if (1..=CLIENT_DAYS_MAX).contains(&days) => Ok(days),
        Ok(_) => Err(format!(
            "The secret must work for between 1 and {CLIENT_DAYS_MAX} days"
        )),
        Err(_) => Err("Enter the number of days as a whole number, like 90".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_kept_as_the_case_system_writes_it() {
        assert_eq!(
            CaseRef::parse(" LCS/1234-5 ").unwrap().as_str(),
            "LCS/1234-5"
        );
        assert!(CaseRef::parse("").is_err());
        assert!(CaseRef::parse("has space").is_err());
        assert!(CaseRef::parse("<script>").is_err());
        assert!(CaseRef::parse(&"9".repeat(REFERENCE_MAX)).is_ok());
        assert!(CaseRef::parse(&"9".repeat(REFERENCE_MAX + 1)).is_err());
    }

    #[test]
    fn a_client_name_is_one_short_line() {
        assert_eq!(
            ClientName::parse(" Example LCS (demo) ").unwrap().as_str(),
            "Example LCS (demo)"
        );
        assert!(ClientName::parse("  ").is_err());
        assert!(ClientName::parse("two\nlines").is_err());
        assert!(ClientName::parse(&"x".repeat(CLIENT_NAME_MAX + 1)).is_err());
    }

    #[test]
    fn a_secret_works_for_a_day_to_a_year() {
        assert_eq!(parse_days("90"), Ok(90));
        assert!(parse_days("0").is_err());
        assert!(parse_days("367").is_err());
        assert!(parse_days("ninety").is_err());
        assert!(parse_days("").is_err());
    }
}
