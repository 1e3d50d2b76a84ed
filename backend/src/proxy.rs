//! Who the client is when Kosh runs behind a reverse proxy or load balancer.
//!
//! Phones keep the app offline only over https, so a real deployment puts Kosh behind something
//! that holds the certificate (Caddy, nginx, a cloud load balancer: docs/DEPLOYING.md). Every
//! connection then comes from that proxy, and login throttling by address (`rate_limit`) would
//! put every applicant in one bucket: twenty wrong passwords anywhere would lock everyone out.
//! The proxy says who its client was in `X-Forwarded-For`; but anyone can send that header, so
//! it is believed only from the addresses named in `KOSH_TRUSTED_PROXIES`. Without the setting
//! the header is ignored and the connection's own address is the client's.
//!
//! The address taken is the rightmost one in `X-Forwarded-For` that is not itself a trusted
//! proxy: each proxy appends the address it saw, so entries left of the last untrusted one were
//! written by the client and prove nothing (MDN, "X-Forwarded-For", security and privacy).

use std::net::IpAddr;
use std::str::FromStr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The addresses whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// A `KOSH_TRUSTED_PROXIES` entry that is neither an address nor a network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an IP address or a network such as 10.0.0.0/8")]
pub struct BadProxy(pub String);

impl FromStr for TrustedProxies {
    type Err = BadProxy;

    /// A comma-separated list of addresses (`127.0.0.1`, `::1`) and networks (`10.0.0.0/8`).
    fn from_str(list: &str) -> Result<TrustedProxies, BadProxy> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadProxy(entry.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    /// Whether no proxy is trusted (the header is never read).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn trusts(&self, addr: IpAddr) -> bool {
        let addr = unmapped(addr);
        self.0.iter().any(|net| net.contains(&addr))
    }

    /// The client's address for a request that came from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        // Several headers are one list, in order (RFC 9110, 5.3).
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.into_iter().rev() {
            // Something that is not an address (`unknown`, garbage) ends what can be believed:
            // the last address before it is the client as far as anyone trusted knows.
            let Ok(addr) = hop.parse::<IpAddr>() else {
                break;
            };
            client = unmapped(addr);
            if !self.trusts(addr) {
                break;
            }
        }
        client
    }
}

/// An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, as a dual-stack socket reports one) is
/// the IPv4 address, so `10.0.0.0/8` covers it.
fn unmapped(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use rstest::rstest;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[rstest]
    #[case::no_proxy_trusted_the_header_is_ignored("", "203.0.113.9", &["198.51.100.1"], "203.0.113.9")]
    #[case::from_an_untrusted_peer_the_header_is_ignored("127.0.0.1", "203.0.113.9", &["198.51.100.1"], "203.0.113.9")]
    #[case::a_trusted_proxy_names_its_client("127.0.0.1", "127.0.0.1", &["198.51.100.1"], "198.51.100.1")]
    #[case::what_the_client_wrote_itself_is_skipped("127.0.0.1", "127.0.0.1", &["1.2.3.4, 198.51.100.1"], "198.51.100.1")]
    #[case::a_chain_of_trusted_proxies("127.0.0.1, 10.0.0.0/8", "127.0.0.1", &["198.51.100.1, 10.1.2.3"], "198.51.100.1")]
    #[case::several_headers_are_one_list("127.0.0.1, 10.0.0.0/8", "127.0.0.1", &["198.51.100.1", "10.1.2.3"], "198.51.100.1")]
    #[case::only_proxies_in_the_list("127.0.0.1, 10.0.0.0/8", "127.0.0.1", &["10.1.2.3"], "10.1.2.3")]
    #[case::no_header_from_a_proxy("127.0.0.1", "127.0.0.1", &[], "127.0.0.1")]
    #[case::garbage_stops_the_walk("127.0.0.1", "127.0.0.1", &["198.51.100.1, nonsense"], "127.0.0.1")]
    #[case::ipv6_clients("::1", "::1", &["2001:db8::7"], "2001:db8::7")]
    #[case::a_mapped_ipv4_peer("10.0.0.0/8", "::ffff:10.0.0.5", &["198.51.100.1"], "198.51.100.1")]
    fn the_client_is_the_last_address_no_trusted_proxy_wrote(
        #[case] trusted: &str,
        #[case] peer: &str,
        #[case] forwarded: &[&str],
        #[case] client: &str,
    ) {
        let trusted: TrustedProxies = trusted.parse().unwrap();
        assert_eq!(trusted.client(ip(peer), &headers(forwarded)), ip(client));
    }

    #[test]
    fn a_list_that_is_not_addresses_is_refused() {
        assert_eq!(
            "127.0.0.1, proxy.local".parse::<TrustedProxies>(),
            Err(BadProxy("proxy.local".into()))
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!(" , ".parse::<TrustedProxies>().unwrap().is_empty());
    }
}
