//! Configuration: typed, layered and checked before anything starts.
//!
//! Layers, later ones winning: built-in defaults, then a TOML file (`--config FILE`, or
//! `portal.toml` in the working directory if there is one), then environment variables
//! starting `PORTAL_` (nested settings use `__`, as in `PORTAL_BRAND__COLOUR`). The
//! conventional `DATABASE_URL` is honoured too. Every problem is reported at once, naming
//! the setting and saying what would be right, and secrets never appear in logs or errors.

use crate::client_address::{Cidr, TrustedProxies};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The address and port to listen on.
    pub listen: SocketAddr,
    /// Where the embedded SQLite database and backups live.
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL; unset for the embedded SQLite database.
    pub database_url: Option<Secret>,
    pub database_max_connections: u32,
    /// The compiled site (styles, scripts, WebAssembly), as built by `cargo leptos build`.
    pub site_root: PathBuf,
    pub log_format: LogFormat,
    /// A tracing filter, such as `info` or `server=debug,info`.
    pub log_level: String,
    /// How long to let requests finish after being asked to stop, in seconds.
    pub shutdown_grace_seconds: u64,
    pub brand: BrandConfig,
    /// The council's time zone, in which every time a person reads is shown:
    /// "Europe/London" (the default), "UTC", or a POSIX TZ rule such as
    /// "GMT0BST,M3.5.0/1,M10.5.0". Times are stored in UTC whatever this says.
    pub time_zone: app::domain::time::TimeZone,
    pub identity: IdentityConfig,
    /// Proxies (CIDR ranges) whose `Forwarded` or `X-Forwarded-For` headers say who the
    /// client is. Empty: none, and the TCP peer is the client.
    pub trusted_proxies: ProxyList,
    pub audit: AuditConfig,
    pub notify: NotifyConfig,
    pub evaluation: EvaluationConfig,
    pub languages: LanguagesConfig,
}

/// The languages family pages are offered in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesConfig {
    /// Tags of the languages offered, in the order the list shows them: `en`, `pl`, `ur`.
    /// English is always offered. A language is accepted only once a translator has marked
    /// every one of its messages `reviewed` (see the README).
    pub offered: Vec<String>,
    /// Offers languages with draft messages too: only for a copy of the portal where the
    /// council's translators check drafts in place, never for families.
    pub drafts_for_translators: bool,
}

/// The evaluation export: a pseudonymised dataset for evaluators of the model.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationConfig {
    /// The council's secret for pseudonyms, at least 32 characters (for example 64 hex
    /// characters from `openssl rand -hex 32`). The same secret gives each person the same
    /// pseudonym in every export; keep it out of the database and its backups, and never
    /// give it to an evaluator. Unset: the export is not offered.
    pub pseudonym_key: Option<Secret>,
}

/// Messages by email and text through GOV.UK Notify, and urgent alerts' escalation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyConfig {
    /// A GOV.UK Notify API key (`<name>-<service id>-<secret>`). Unset: nothing is sent;
    /// messages wait in the outbox until a key is set.
    pub api_key: Option<Secret>,
    /// Notify's API. Change it only for a stand-in such as `server fake-notify`.
    pub base_url: String,
    /// The Notify email template whose subject is `((subject))` and body `((body))`.
    pub email_template_id: Option<String>,
    /// The Notify text message template whose body is `((body))`.
    pub sms_template_id: Option<String>,
    /// The bearer token set for Notify's callbacks (delivery receipts and received text
    /// messages), which tell the portal when someone can no longer be sent messages or
    /// replied STOP. Unset: the callback addresses answer 404.
    pub callback_token: Option<Secret>,
    /// Minutes an urgent alert may go unopened before it goes to the team manager, and
    /// again before it goes to the out-of-hours duty contact: 1 to 240.
    pub escalate_after_minutes: i64,
    /// Seconds between rounds of sending, escalating and queuing reminders: 1 to 60.
    pub every_seconds: u64,
    /// Seconds to wait for Notify to answer one request before trying again later: 1 to 60.
    pub timeout_seconds: u64,
}

/// Checkpoints that anchor the audit trail outside the database.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditConfig {
    /// A file holding the Ed25519 key checkpoints are signed with (`server audit-key FILE`
    /// makes one). Keep it out of the database and its backups. Unset: no checkpoints are
    /// taken, and the trail rests on its own hashes alone.
    pub checkpoint_key: Option<PathBuf>,
    /// The file each checkpoint is appended to, one line each. Keep it, or a copy of it,
    /// where whoever can write to the database cannot. Unset: `audit-checkpoints.jsonl` in
    /// the data directory.
    pub checkpoint_file: Option<PathBuf>,
    /// A checkpoint at least this often, in seconds, if anything was audited meanwhile.
    pub checkpoint_every_seconds: u64,
    /// A checkpoint as soon as this server has written this many audit rows since the last.
    pub checkpoint_every_rows: u64,
}

/// `trusted_proxies` as written: a list, or one string with commas between ranges, so
/// that `PORTAL_TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1/32` works as well as a TOML list.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "ListOrText", into = "Vec<String>")]
pub struct ProxyList(pub Vec<String>);

#[derive(Deserialize)]
#[serde(untagged)]
enum ListOrText {
    List(Vec<String>),
    Text(String),
}

impl From<ListOrText> for ProxyList {
    fn from(value: ListOrText) -> Self {
        let items = match value {
            ListOrText::List(items) => items,
            ListOrText::Text(text) => text.split(',').map(str::to_owned).collect(),
        };
        ProxyList(
            items
                .into_iter()
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect(),
        )
    }
}

impl From<ProxyList> for Vec<String> {
    fn from(value: ProxyList) -> Self {
        value.0
    }
}

/// Passkeys, codes and the quick exit.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityConfig {
    /// The address people use, with scheme and port, such as `https://portal.example.gov.uk`.
    /// Passkeys are bound to its host name. Unset: `http://localhost:<port>`, for
    /// development only. Plain http is allowed only for localhost.
    pub public_origin: Option<String>,
    /// What passkey managers call this service. Neutral on purpose.
    pub passkey_name: String,
    /// How long a new code works, in minutes: 1 to 1440 (24 hours).
    pub code_minutes: i64,
    /// Where "Exit this page" goes: a neutral site that gives nothing away.
    pub exit_url: String,
    /// Failed sign-ins per hour per account, and per address, before "too many attempts".
    pub failure_limit: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The longest home-screen name: phones cut longer ones short under the icon.
const APP_NAME_MAX: usize = 30;

/// How the council's portal looks. Colours are checked for WCAG 2.2 AA contrast.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandConfig {
    pub service_name: String,
    pub organisation_name: String,
    /// The header's background, as `#rrggbb`.
    pub colour: String,
    /// Text on the header, as `#rrggbb`.
    pub text_colour: String,
    /// Links on the white page, as `#rrggbb`.
    pub link_colour: String,
    /// A logo for the header, served from the site's assets or another address.
    pub logo_url: Option<String>,
    /// What the logo says, for people who cannot see it. Required with a logo.
    pub logo_alt: Option<String>,
    /// The name under the portal's icon when a family adds it to a phone's home screen.
    /// Someone else may look at that phone, so it says nothing about the service.
    #[serde(default = "neutral_app_name")]
    pub app_name: String,
}

/// The home-screen name when a council sets none: nothing about families or children.
fn neutral_app_name() -> String {
    "My portal".to_owned()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            data_dir: PathBuf::from("data"),
            database_url: None,
            database_max_connections: 8,
            site_root: PathBuf::from("target/site"),
            log_format: LogFormat::Text,
            log_level: "info".to_owned(),
            shutdown_grace_seconds: 10,
            brand: BrandConfig {
                service_name: "Family portal".to_owned(),
                organisation_name: "Exampleshire Council (demo)".to_owned(),
                colour: "#1d70b8".to_owned(),
                text_colour: "#ffffff".to_owned(),
                link_colour: "#1d70b8".to_owned(),
                logo_url: None,
                logo_alt: None,
                app_name: neutral_app_name(),
            },
            time_zone: app::domain::time::TimeZone::parse("Europe/London").unwrap_or_default(),
            identity: IdentityConfig {
                public_origin: None,
                passkey_name: "Sign-in".to_owned(),
                code_minutes: 60,
                exit_url: "https://www.bbc.co.uk/weather".to_owned(),
                failure_limit: 100,
            },
            trusted_proxies: ProxyList::default(),
            audit: AuditConfig {
                checkpoint_key: None,
                checkpoint_file: None,
                checkpoint_every_seconds: 300,
                checkpoint_every_rows: 10_000,
            },
            notify: NotifyConfig {
                api_key: None,
                base_url: "https://api.notifications.service.gov.uk".to_owned(),
                email_template_id: None,
                sms_template_id: None,
                callback_token: None,
                escalate_after_minutes: 15,
                every_seconds: 2,
                timeout_seconds: 10,
            },
            evaluation: EvaluationConfig {
                pseudonym_key: None,
            },
            languages: LanguagesConfig {
                offered: vec!["en".to_owned()],
                drafts_for_translators: false,
            },
        }
    }
}

/// A setting that must never be printed, such as a database URL with a password in it.
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Everything wrong with the configuration, one line per problem.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "The configuration has {} problem(s):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the layers in order and checks the result.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        Self::from_figment(Self::figment(file, Env::prefixed("PORTAL_").split("__")))
    }

    /// The layers, with the environment provider given, so tests can supply their own.
    pub fn figment(file: Option<&Path>, env: Env) -> Figment {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None => figment = figment.merge(Toml::file("portal.toml")),
        }
        figment
            // cargo-leptos tells the server where it put the site and which address to use.
            .merge(
                Env::raw()
                    .only(&["LEPTOS_SITE_ADDR"])
                    .map(|_| "listen".into()),
            )
            .merge(
                Env::raw()
                    .only(&["LEPTOS_SITE_ROOT"])
                    .map(|_| "site_root".into()),
            )
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database_url".into()),
            )
            .merge(env)
    }

    pub fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let config: Config = figment
            .extract()
            .map_err(|errors| ConfigError(errors.into_iter().map(|e| describe(&e)).collect()))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        if let Some(url) = &self.database_url {
            let url = url.expose();
            if !(url.starts_with("postgres://")
                || url.starts_with("postgresql://")
                || url.starts_with("sqlite:"))
            {
                problems.push(
                    "database_url (PORTAL_DATABASE_URL or DATABASE_URL) must start with \
                     postgres:// or sqlite: — leave it unset to use the embedded database"
                        .to_owned(),
                );
            }
        }
        if self
            .evaluation
            .pseudonym_key
            .as_ref()
            .is_some_and(|key| key.expose().len() < 32)
        {
            problems.push(
                "evaluation.pseudonym_key must be at least 32 characters, such as 64 hex \
                 characters from `openssl rand -hex 32`"
                    .to_owned(),
            );
        }
        if self.database_max_connections == 0 {
            problems.push("database_max_connections must be 1 or more".to_owned());
        }
        if self.brand.service_name.trim().is_empty() {
            problems.push("brand.service_name must not be empty".to_owned());
        }
        let app_name = self.brand.app_name.trim().chars().count();
        if app_name == 0 || app_name > APP_NAME_MAX {
            problems.push(format!(
                "brand.app_name must be 1 to {APP_NAME_MAX} characters, to fit under an icon"
            ));
        }
        let colours = [
            ("brand.colour", &self.brand.colour),
            ("brand.text_colour", &self.brand.text_colour),
            ("brand.link_colour", &self.brand.link_colour),
        ];
        let mut parsed = Vec::new();
        for (name, value) in colours {
            match parse_colour(value) {
                Some(rgb) => parsed.push(rgb),
                None => problems.push(format!(
                    "{name} is {value:?}; it must be a colour written as # and six hex digits, like #1d70b8"
                )),
            }
        }
        if let [header, text, link] = parsed[..] {
            let header_ratio = contrast(header, text);
            if header_ratio < 4.5 {
                problems.push(format!(
                    "brand.colour and brand.text_colour have a contrast of {header_ratio:.1}:1; \
                     WCAG 2.2 AA needs at least 4.5:1 so everyone can read the header"
                ));
            }
            let link_ratio = contrast(link, [255, 255, 255]);
            if link_ratio < 4.5 {
                problems.push(format!(
                    "brand.link_colour has a contrast of {link_ratio:.1}:1 on white; \
                     WCAG 2.2 AA needs at least 4.5:1"
                ));
            }
        }
        if self.brand.logo_url.is_some()
            && self
                .brand
                .logo_alt
                .as_deref()
                .is_none_or(|a| a.trim().is_empty())
        {
            problems.push(
                "brand.logo_alt must say what the logo shows, for people who cannot see it"
                    .to_owned(),
            );
        }
        if !(1..=1440).contains(&self.identity.code_minutes) {
            problems.push(
                "identity.code_minutes must be from 1 to 1440: a code works for at most 24 hours"
                    .to_owned(),
            );
        }
        if !(1..=100).contains(&self.identity.failure_limit) {
            problems.push("identity.failure_limit must be from 1 to 100".to_owned());
        }
        if !self.identity.exit_url.starts_with("https://") {
            problems.push("identity.exit_url must be an https:// address".to_owned());
        }
        if let Some(origin) = &self.identity.public_origin
            && let Err(problem) = check_origin(origin)
        {
            problems.push(problem);
        }
        if !(1..=86_400).contains(&self.audit.checkpoint_every_seconds) {
            problems
                .push("audit.checkpoint_every_seconds must be from 1 to 86400 (a day)".to_owned());
        }
        if self.audit.checkpoint_every_rows == 0 {
            problems.push("audit.checkpoint_every_rows must be 1 or more".to_owned());
        }
        self.check_notify(&mut problems);
        if let Err(found) = self.offered_languages() {
            problems.extend(found);
        }
        for range in &self.trusted_proxies.0 {
            if range.parse::<Cidr>().is_err() {
                problems.push(format!(
                    "trusted_proxies has {range:?}, which is not an address range like \
                     10.0.0.0/8, 192.0.2.7/32 or 2001:db8::/32"
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError(problems))
        }
    }

    fn check_notify(&self, problems: &mut Vec<String>) {
        let notify = &self.notify;
        if !(1..=240).contains(&notify.escalate_after_minutes) {
            problems.push("notify.escalate_after_minutes must be from 1 to 240".to_owned());
        }
        if !(1..=60).contains(&notify.every_seconds) {
            problems.push("notify.every_seconds must be from 1 to 60".to_owned());
        }
        if !(1..=60).contains(&notify.timeout_seconds) {
            problems.push("notify.timeout_seconds must be from 1 to 60".to_owned());
        }
        let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|l| notify.base_url.starts_with(l));
        if !notify.base_url.starts_with("https://") && !local {
            problems.push(
                "notify.base_url must be an https:// address (plain http only on this machine)"
                    .to_owned(),
            );
        }
        if let Some(key) = &notify.api_key {
            if let Err(problem) = crate::notify::NotifyKey::parse(key.expose()) {
                problems.push(problem);
            }
            for (name, id) in [
                ("notify.email_template_id", &notify.email_template_id),
                ("notify.sms_template_id", &notify.sms_template_id),
            ] {
                if id
                    .as_deref()
                    .is_none_or(|id| uuid::Uuid::parse_str(id).is_err())
                {
                    problems.push(format!(
                        "{name} must be the id of a Notify template (a UUID) when notify.api_key is set"
                    ));
                }
            }
        }
        if notify
            .callback_token
            .as_ref()
            .is_some_and(|t| t.expose().len() < 32)
        {
            problems.push(
                "notify.callback_token must be at least 32 characters, so it cannot be guessed"
                    .to_owned(),
            );
        }
    }

    /// Notify's settings, if an API key is set (checked when the configuration loaded).
    pub fn notify_settings(&self) -> Option<crate::notify::NotifySettings> {
        let key = crate::notify::NotifyKey::parse(self.notify.api_key.as_ref()?.expose()).ok()?;
        Some(crate::notify::NotifySettings {
            base_url: self.notify.base_url.trim_end_matches('/').to_owned(),
            key,
            email_template: self.notify.email_template_id.clone()?,
            sms_template: self.notify.sms_template_id.clone()?,
            timeout: std::time::Duration::from_secs(self.notify.timeout_seconds),
        })
    }

    /// Where audit checkpoints are appended.
    /// The languages offered, English first and each once, or what is wrong with the list.
    pub fn offered_languages(&self) -> Result<app::domain::language::Offered, Vec<String>> {
        use app::domain::language::{Lang, Offered};
        let mut offered = vec![Lang::En];
        let mut problems = Vec::new();
        for tag in &self.languages.offered {
            match Lang::parse(tag) {
                None => problems.push(format!(
                    "languages.offered has {tag:?}; the portal has words for {}",
                    Lang::ALL.map(Lang::code).join(", ")
                )),
                Some(lang) => {
                    let drafts = app::ui::i18n::drafts(lang);
                    if !drafts.is_empty() && !self.languages.drafts_for_translators {
                        problems.push(format!(
                            "languages.offered has {tag:?}, but {} of its messages are drafts a \
                             translator has not reviewed (the first is {:?}); families must only \
                             see reviewed words",
                            drafts.len(),
                            drafts[0]
                        ));
                    } else if !offered.contains(&lang) {
                        offered.push(lang);
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(Offered(offered))
        } else {
            Err(problems)
        }
    }

    pub fn checkpoint_file(&self) -> PathBuf {
        self.audit
            .checkpoint_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("audit-checkpoints.jsonl"))
    }

    /// The public origin, given the port actually bound (used when none is configured).
    pub fn public_origin(&self, port: u16) -> Result<url::Url, String> {
        let text = self
            .identity
            .public_origin
            .clone()
            .unwrap_or_else(|| format!("http://localhost:{port}"));
        url::Url::parse(&text).map_err(|e| format!("identity.public_origin: {e}"))
    }

    /// The proxies whose forwarding headers are believed. Ranges that do not parse were
    /// reported by `validate`, so none are dropped here in practice.
    pub fn trusted_proxies(&self) -> TrustedProxies {
        TrustedProxies::new(
            self.trusted_proxies
                .0
                .iter()
                .filter_map(|range| range.parse().ok())
                .collect(),
        )
    }

    /// The database to use: PostgreSQL if configured, otherwise SQLite in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_owned(),
            None => app::backend::Store::sqlite_url(&self.data_dir),
        }
    }

    /// The council's colours as CSS custom properties, served as `/brand.css`.
    pub fn brand_css(&self) -> String {
        format!(
            ":root{{--brand-colour:{};--brand-text-colour:{};--brand-link-colour:{};}}\n",
            self.brand.colour, self.brand.text_colour, self.brand.link_colour
        )
    }

    /// The web app manifest, so a family can add the portal to a phone's home screen: the
    /// council's neutral name and a plain icon, opening at the start page.
    pub fn manifest(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.brand.app_name,
            "short_name": self.brand.app_name,
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": self.brand.colour,
            "icons": [{ "src": "/icon.svg", "sizes": "any", "type": "image/svg+xml" }],
        })
    }

    /// The part of the branding pages need.
    pub fn brand(&self) -> app::dto::brand::Brand {
        use app::dto::brand::{Brand, Logo};
        Brand {
            service_name: self.brand.service_name.clone(),
            organisation_name: self.brand.organisation_name.clone(),
            logo: self.brand.logo_url.clone().map(|url| Logo {
                url,
                alt: self.brand.logo_alt.clone().unwrap_or_default(),
            }),
        }
    }
}

/// One figment error as a plain sentence naming the setting, without echoing its value
/// (the value might be a secret).
fn describe(error: &figment::Error) -> String {
    let setting = if error.path.is_empty() {
        "the configuration".to_owned()
    } else {
        error.path.join(".")
    };
    let source = error
        .metadata
        .as_ref()
        .map(|m| format!(" (from {})", m.name))
        .unwrap_or_default();
    let problem = match &error.kind {
        figment::error::Kind::InvalidType(_, expected) => format!("must be {expected}"),
        figment::error::Kind::InvalidValue(_, expected) => format!("must be {expected}"),
        figment::error::Kind::UnknownField(field, _) => {
            format!("has a setting {field:?} that is not known; check its spelling")
        }
        figment::error::Kind::UnknownVariant(_, expected) => {
            format!("must be one of: {}", expected.join(", "))
        }
        figment::error::Kind::MissingField(field) => format!("needs {field:?}"),
        other => other.to_string(),
    };
    format!("{setting}{source} {problem}")
}

/// An origin must be https, or http on localhost, with no path.
fn check_origin(origin: &str) -> Result<(), String> {
    let parsed = url::Url::parse(origin).map_err(|_| {
        format!(
            "identity.public_origin {origin:?} is not an address like https://portal.example.gov.uk"
        )
    })?;
    let local = matches!(parsed.host_str(), Some("localhost"));
    match parsed.scheme() {
        "https" => {}
        "http" if local => {}
        _ => {
            return Err(
                "identity.public_origin must start with https:// (plain http is allowed only for localhost)"
                    .to_owned(),
            );
        }
    }
    if parsed.path() != "/" || parsed.query().is_some() {
        return Err(
            "identity.public_origin must be only scheme, host and port, with no path".to_owned(),
        );
    }
    Ok(())
}

fn parse_colour(value: &str) -> Option<[u8; 3]> {
    let hex = value.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG 2 contrast ratio (<https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio>).
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(rgb: [u8; 3]) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(toml: &str, env: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut figment =
            Figment::from(Serialized::defaults(Config::default())).merge(Toml::string(toml));
        for (key, value) in env {
            figment = figment.merge((*key, *value));
        }
        Config::from_figment(figment)
    }

    #[test]
    fn the_defaults_are_valid_and_use_the_embedded_database() {
        let config = load("", &[]).unwrap();
        assert!(config.database_url().starts_with("sqlite://"));
    }

    #[test]
    fn a_language_is_offered_only_once_a_translator_has_reviewed_every_message() {
        use app::domain::language::Lang;
        let english = load("", &[]).unwrap().offered_languages().unwrap();
        assert_eq!(english.0, vec![Lang::En]);
        // The Urdu and Polish the portal ships are drafts.
        let refused = load("[languages]\noffered = [\"ur\"]", &[]).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("drafts a translator has not reviewed"),
            "{refused}"
        );
        let unknown = load("[languages]\noffered = [\"xx\"]", &[]).unwrap_err();
        assert!(unknown.to_string().contains("\"xx\""), "{unknown}");
        // A copy for the council's translators shows the drafts, English first.
        let review = load(
            "[languages]\noffered = [\"ur\", \"pl\", \"ur\"]\ndrafts_for_translators = true",
            &[],
        )
        .unwrap();
        assert_eq!(
            review.offered_languages().unwrap().0,
            vec![Lang::En, Lang::Ur, Lang::Pl]
        );
    }

    #[test]
    fn a_file_sets_the_brand() {
        let config = load(
            "[brand]\nservice_name = \"Talk to us\"\ncolour = \"#00703c\"",
            &[],
        )
        .unwrap();
        assert_eq!(config.brand.service_name, "Talk to us");
        assert!(config.brand_css().contains("--brand-colour:#00703c"));
    }

    #[test]
    fn the_home_screen_name_is_neutral_unless_set_and_must_fit_under_an_icon() {
        let neutral = load("", &[]).unwrap();
        assert_eq!(neutral.manifest()["name"], "My portal");
        let set = load("[brand]\napp_name = \"Notes (demo)\"", &[]).unwrap();
        assert_eq!(set.manifest()["short_name"], "Notes (demo)");
        for name in ["", "   ", &"n".repeat(31)] {
            let error = load(&format!("[brand]\napp_name = \"{name}\""), &[]).unwrap_err();
            assert!(error.to_string().contains("brand.app_name"), "{error}");
        }
    }

    #[test]
    fn times_are_shown_in_uk_time_unless_the_council_says_otherwise() {
        let uk = load("", &[]).unwrap();
        assert_eq!(
            uk.time_zone.time(1_782_905_580_000),
            "12:33pm on 1 July 2026"
        );
        let utc = load("time_zone = \"UTC\"", &[]).unwrap();
        assert_eq!(
            utc.time_zone.time(1_782_905_580_000),
            "11:33am on 1 July 2026"
        );
        let error = load("time_zone = \"Exampleshire\"", &[]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("time_zone"), "{message}");
        assert!(message.contains("Europe/London"), "{message}");
    }

    #[test]
    fn a_bad_port_names_the_setting() {
        let error = load("listen = \"127.0.0.1:99999\"", &[]).unwrap_err();
        assert!(error.to_string().contains("listen"), "{error}");
    }

    #[test]
    fn a_misspelt_setting_is_reported_not_ignored() {
        let error = load("[brand]\ncolor = \"#000000\"", &[]).unwrap_err();
        assert!(error.to_string().contains("\"color\""), "{error}");
    }

    #[test]
    fn unreadable_header_colours_are_refused_with_the_ratio() {
        let error = load(
            "[brand]\ncolour = \"#ffdd00\"\ntext_colour = \"#ffffff\"",
            &[],
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("brand.colour and brand.text_colour"),
            "{message}"
        );
        assert!(message.contains("4.5:1"), "{message}");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let error = load(
            "database_max_connections = 0\n[brand]\ncolour = \"blue\"\nlogo_url = \"/logo.png\"",
            &[],
        )
        .unwrap_err();
        assert_eq!(error.0.len(), 3, "{error}");
    }

    #[test]
    fn a_database_password_never_appears_in_debug_output() {
        let config = load(
            "database_url = \"postgres://portal:hunter2@db/portal\"",
            &[],
        )
        .unwrap();
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[test]
    fn a_database_url_of_the_wrong_kind_is_refused_without_echoing_it() {
        let error = load("database_url = \"mysql://u:hunter2@db/x\"", &[]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("database_url"), "{message}");
        assert!(!message.contains("hunter2"), "{message}");
    }

    #[test]
    fn plain_http_is_refused_except_for_localhost() {
        let error = load("[identity]\npublic_origin = \"http://portal.example\"", &[]).unwrap_err();
        assert!(error.to_string().contains("https://"), "{error}");
        assert!(load("[identity]\npublic_origin = \"http://localhost:3000\"", &[]).is_ok());
        assert!(
            load(
                "[identity]\npublic_origin = \"https://portal.example\"",
                &[]
            )
            .is_ok()
        );
    }

    #[test]
    fn codes_cannot_last_more_than_a_day() {
        let error = load("[identity]\ncode_minutes = 1441", &[]).unwrap_err();
        assert!(error.to_string().contains("24 hours"), "{error}");
    }

    #[test]
    fn trusted_proxies_are_empty_unless_set_and_read_as_a_list_or_with_commas() {
        let none = load("", &[]).unwrap();
        assert!(
            !none
                .trusted_proxies()
                .contains("127.0.0.1".parse().unwrap())
        );
        let listed = load("trusted_proxies = [\"10.0.0.0/8\", \"::1\"]", &[]).unwrap();
        assert!(
            listed
                .trusted_proxies()
                .contains("10.2.3.4".parse().unwrap())
        );
        assert!(listed.trusted_proxies().contains("::1".parse().unwrap()));
        // As `PORTAL_TRUSTED_PROXIES=10.0.0.0/8, 127.0.0.1/32` arrives: one string.
        let from_env = load("", &[("trusted_proxies", "10.0.0.0/8, 127.0.0.1/32")]).unwrap();
        let proxies = from_env.trusted_proxies();
        assert!(proxies.contains("127.0.0.1".parse().unwrap()));
        assert!(proxies.contains("10.9.9.9".parse().unwrap()));
        assert!(!proxies.contains("11.0.0.1".parse().unwrap()));
    }

    #[test]
    fn a_proxy_range_that_is_not_cidr_names_the_setting() {
        let error = load(
            "trusted_proxies = [\"10.0.0.0/33\", \"proxy.example\"]",
            &[],
        )
        .unwrap_err();
        let message = error.to_string();
        assert_eq!(error.0.len(), 2, "{message}");
        assert!(message.contains("trusted_proxies"), "{message}");
        assert!(message.contains("proxy.example"), "{message}");
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([0x1d, 0x70, 0xb8], [255, 255, 255]) - 5.17).abs() < 0.05);
    }
}
