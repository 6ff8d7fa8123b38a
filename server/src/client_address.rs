//! Who is on the other end of a request: the address that rate limits and refusal counts
//! are kept against.
//!
//! A council runs the portal behind TLS termination, so the TCP peer is the proxy, the
//! same for everyone. When, and only when, the peer is one of the configured
//! `trusted_proxies`, the client's address is read from what the proxies added: RFC 7239
//! `Forwarded: for=` (<https://www.rfc-editor.org/rfc/rfc7239>), or else `X-Forwarded-For`.
//! Each proxy appends the address it saw on the right, so the list is walked from the
//! right, skipping addresses that are themselves trusted proxies; the first one that is
//! not is the client. Anything to its left was written by the client and is never
//! believed, so nobody can choose their own address by sending the header themselves.
//!
//! This module must never trust a header from a peer outside the trusted ranges, and
//! never fail a request: anything it cannot read means "the peer".

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;

/// A range of addresses written as CIDR, such as `10.0.0.0/8` or `2001:db8::/32`. A single
/// address without `/` is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn contains(&self, address: IpAddr) -> bool {
        // An IPv4 client seen through an IPv6 socket arrives as `::ffff:a.b.c.d`.
        let address = match address {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
            v4 => v4,
        };
        match (self.network, address) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Cidr {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let network: IpAddr = address.parse().map_err(|_| ())?;
        let most = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) => {
                prefix.parse::<u8>().map_err(|_| ())?
            }
            Some(_) => return Err(()),
            None => most,
        };
        if prefix > most {
            return Err(());
        }
        Ok(Cidr { network, prefix })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The proxies whose forwarding headers are believed. Empty (the default): none, and the
/// TCP peer is always the client.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    pub fn new(ranges: Vec<Cidr>) -> Self {
        TrustedProxies(ranges)
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(address))
    }
}

/// The client's address, as worked out once per request by [`remember`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The client's address given the TCP peer and the request's headers. See the module doc.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let chain = forwarded_chain(headers).or_else(|| forwarded_for_chain(headers));
    let Some(chain) = chain else {
        return peer;
    };
    let mut client = None;
    for hop in chain.iter().rev() {
        match hop {
            // A hop nobody can read: whoever is beyond it is unknown, so the limit stays
            // with the proxy rather than with a value a client may have written.
            None => return peer,
            Some(address) if trusted.contains(*address) => client = Some(*address),
            Some(address) => return *address,
        }
    }
    // Every hop was a trusted proxy: the request began inside the trusted ranges.
    client.unwrap_or(peer)
}

/// The `for=` of each element of every `Forwarded` header, left to right; `None` if there
/// is no such header or an element has no `for=`.
fn forwarded_chain(headers: &HeaderMap) -> Option<Vec<Option<IpAddr>>> {
    let mut chain = Vec::new();
    for value in headers.get_all(header::FORWARDED) {
        let Ok(value) = value.to_str() else {
            return Some(vec![None]);
        };
        for element in split_outside_quotes(value, ',') {
            let node = split_outside_quotes(element, ';')
                .into_iter()
                .find_map(|pair| {
                    let (name, value) = pair.split_once('=')?;
                    name.trim()
                        .eq_ignore_ascii_case("for")
                        .then_some(value.trim())
                });
            chain.push(node.and_then(node_address));
        }
    }
    (!chain.is_empty()).then_some(chain)
}

/// The addresses in every `X-Forwarded-For` header, left to right.
fn forwarded_for_chain(headers: &HeaderMap) -> Option<Vec<Option<IpAddr>>> {
    let mut chain = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(value) = value.to_str() else {
            return Some(vec![None]);
        };
        chain.extend(value.split(',').map(|node| node_address(node.trim())));
    }
    (!chain.is_empty()).then_some(chain)
}

/// Splits on `separator` except inside a quoted string (RFC 7230 `quoted-string`).
fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == separator && !quoted => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// An RFC 7239 node (`192.0.2.43`, `"192.0.2.43:47011"`, `"[2001:db8::1]:4711"`) or an
/// `X-Forwarded-For` entry, as an address. `unknown`, obfuscated names and anything else
/// are `None`.
fn node_address(node: &str) -> Option<IpAddr> {
    let node = node.trim();
    let node = match node.strip_prefix('"') {
        Some(inner) => inner.strip_suffix('"')?,
        None => node,
    };
    if let Some(inner) = node.strip_prefix('[') {
        let (address, rest) = inner.split_once(']')?;
        let port_ok = rest.is_empty()
            || rest
                .strip_prefix(':')
                .is_some_and(|port| port.parse::<u16>().is_ok());
        return if port_ok {
            address.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6)
        } else {
            None
        };
    }
    node.parse::<IpAddr>()
        .ok()
        .or_else(|| node.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// Works out the client's address once, for everything after: limits, refusal counts.
pub async fn remember(
    State(trusted): State<Arc<TrustedProxies>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    let client = client_address(peer, request.headers(), &trusted);
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // `remember` runs on every route; without it, the peer is all there is to go on.
        Ok(parts
            .extensions
            .get::<ClientAddress>()
            .copied()
            .unwrap_or_else(|| {
                ClientAddress(
                    parts
                        .extensions
                        .get::<ConnectInfo<SocketAddr>>()
                        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip()),
                )
            }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn trusted(ranges: &[&str]) -> TrustedProxies {
        TrustedProxies::new(ranges.iter().map(|r| r.parse().unwrap()).collect())
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_its_headers_say() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let sent = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=198.51.100.7"),
        ]);
        assert_eq!(
            client_address(ip("192.0.2.1"), &sent, &proxies),
            ip("192.0.2.1")
        );
        assert_eq!(
            client_address(ip("192.0.2.1"), &sent, &TrustedProxies::default()),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn a_trusted_peer_passes_on_the_address_it_saw() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let sent = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let sent = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=198.51.100.7;proto=https"),
        ]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn values_a_client_put_on_the_left_are_never_believed() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let sent = headers(&[("x-forwarded-for", "1.1.1.1, 2.2.2.2, 203.0.113.9")]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("203.0.113.9")
        );
        let sent = headers(&[("forwarded", "for=1.1.1.1, for=203.0.113.9;by=10.0.0.1")]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("203.0.113.9")
        );
        // The same through a second header line, which counts as appended.
        let sent = headers(&[
            ("x-forwarded-for", "1.1.1.1"),
            ("x-forwarded-for", "203.0.113.9"),
        ]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn trusted_proxies_in_the_chain_are_skipped() {
        let proxies = trusted(&["10.0.0.0/8", "192.168.0.0/16"]);
        let sent = headers(&[(
            "x-forwarded-for",
            "6.6.6.6, 203.0.113.9, 192.168.1.1, 10.9.9.9",
        )]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("203.0.113.9")
        );
        // Only proxies: the request started inside them.
        let sent = headers(&[("x-forwarded-for", "192.168.1.1, 10.9.9.9")]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &sent, &proxies),
            ip("192.168.1.1")
        );
    }

    #[test]
    fn ipv6_clients_and_proxies_are_read_including_brackets_and_ports() {
        let proxies = trusted(&["2001:db8:ffff::/48", "127.0.0.1"]);
        let sent = headers(&[("forwarded", "for=\"[2001:db8::1]:4711\"")]);
        assert_eq!(
            client_address(ip("2001:db8:ffff::2"), &sent, &proxies),
            ip("2001:db8::1")
        );
        let sent = headers(&[("forwarded", "For=\"[2001:db8::1]\", for=127.0.0.1")]);
        assert_eq!(
            client_address(ip("127.0.0.1"), &sent, &proxies),
            ip("2001:db8::1")
        );
        let sent = headers(&[("forwarded", "for=\"192.0.2.43:47011\"")]);
        assert_eq!(
            client_address(ip("127.0.0.1"), &sent, &proxies),
            ip("192.0.2.43")
        );
        let sent = headers(&[("x-forwarded-for", "2001:db8::7")]);
        assert_eq!(
            client_address(ip("::ffff:127.0.0.1"), &sent, &proxies),
            ip("2001:db8::7")
        );
    }

    #[test]
    fn garbage_means_the_peer() {
        let proxies = trusted(&["127.0.0.1/32"]);
        let peer = ip("127.0.0.1");
        for (name, value) in [
            ("x-forwarded-for", "not an address"),
            ("x-forwarded-for", "203.0.113.9, nonsense"),
            ("x-forwarded-for", ""),
            ("forwarded", "for=unknown"),
            ("forwarded", "for=_hidden"),
            ("forwarded", "for=\"[2001:db8::1\""),
            ("forwarded", "for=\"[2001:db8::1]:99999\""),
            ("forwarded", "for=\"203.0.113.9"),
            ("forwarded", "proto=https;by=1.2.3.4;for"),
        ] {
            assert_eq!(
                client_address(peer, &headers(&[(name, value)]), &proxies),
                peer,
                "{name}: {value}"
            );
        }
        assert_eq!(client_address(peer, &HeaderMap::new(), &proxies), peer);
    }

    #[test]
    fn ranges_are_read_and_matched_as_cidr() {
        let range: Cidr = "10.0.0.0/8".parse().unwrap();
        assert!(range.contains(ip("10.255.0.1")));
        assert!(!range.contains(ip("11.0.0.1")));
        assert!(!range.contains(ip("::1")));
        let one: Cidr = "127.0.0.1".parse().unwrap();
        assert!(one.contains(ip("127.0.0.1")) && !one.contains(ip("127.0.0.2")));
        let everything: Cidr = "0.0.0.0/0".parse().unwrap();
        assert!(everything.contains(ip("198.51.100.1")));
        let v6: Cidr = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:1::1")) && !v6.contains(ip("2001:db9::1")));
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/",
            "10.0.0.0/-1",
            "example.org/8",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }
}
