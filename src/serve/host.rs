//! Which requests the dev server answers. A page on another site can make
//! the browser of whoever runs `serve` send requests to it, and with DNS
//! rebinding read the answers under its own name; answering only requests
//! whose `Host` is the server's own address, `localhost` or a loopback IP
//! stops that. Bound beyond loopback, the server is reachable by others.

use std::net::{IpAddr, SocketAddr};

/// The body of the answer to a request with a `Host` the server does not answer.
pub const REFUSED_HOST: &str = "403 forbidden: this is leidraad's preview server, which answers only requests to its own address (localhost or the address it was started on); open the address `leidraad serve` printed";

/// Whether a request with this `Host` header (`None`: without one) is
/// answered by a server listening on `bound`.
pub fn allowed(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host.map(str::trim) else { return false };
    let name = without_port(host);
    if name.eq_ignore_ascii_case("localhost") || name.to_ascii_lowercase().ends_with(".localhost") {
        return true;
    }
    let Ok(ip) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
        // A name other than localhost may point anywhere, including here
        // (DNS rebinding): refused.
        return false;
    };
    ip.is_loopback() || ip == bound.ip() || (bound.ip().is_unspecified() && !ip.is_unspecified())
}

/// `host:port` or `[v6]:port` without the port.
fn without_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_once(']').map_or(host, |(name, _)| &host[..name.len() + 1]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Whether a server on `bound` can be reached from other machines.
pub fn beyond_loopback(bound: SocketAddr) -> bool {
    !bound.ip().is_loopback()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> SocketAddr {
        "127.0.0.1:1111".parse().unwrap()
    }

    #[test]
    fn answers_its_own_address_localhost_and_loopback() {
        for host in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "127.0.0.2:80", "[::1]:1111", "app.localhost:1"] {
            assert!(allowed(Some(host), loopback()), "{host}");
        }
        let lan: SocketAddr = "192.168.1.20:1111".parse().unwrap();
        assert!(allowed(Some("192.168.1.20:1111"), lan));
    }

    #[test]
    fn refuses_other_names_and_requests_without_host() {
        for host in ["evil.example:1111", "127.0.0.1.evil.example", "192.168.1.20:1111", "", "localhost.evil:1"] {
            assert!(!allowed(Some(host), loopback()), "{host}");
        }
        assert!(!allowed(None, loopback()));
    }

    #[test]
    fn bound_to_every_interface_it_answers_ip_addresses_only() {
        let any: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert!(allowed(Some("10.0.0.5:1111"), any));
        assert!(!allowed(Some("school.example:1111"), any));
        assert!(beyond_loopback(any));
        assert!(!beyond_loopback(loopback()));
    }
}
