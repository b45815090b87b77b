//! A page opened from the matrix with `?protocol=<id>`: the user's positions move into that
//! protocol's token ([`Network::focus_positions`]) and the page says so in words.

use restake_core::network::Network;

use crate::format::{Unit, format};

/// Moves the user's positions into protocol `id`'s token and returns the sentence that says so;
/// when `id` is not in the network, leaves the network and says that.
pub fn prefill_notice(network: &mut Network, id: &str) -> String {
    let name = network
        .protocols
        .iter()
        .find(|p| p.id == id)
        .map(|p| format!("{} ({})", p.name, p.token));
    match (network.focus_positions(id), name) {
        (Some(s), Some(name)) => {
            let total: f64 = s.positions.iter().map(|p| p.amount_eth).sum();
            *network = s;
            format!(
                "Opened from the matrix: your {} position is all in {name}.",
                format(Some(total), Unit::Eth)
            )
        }
        (_, Some(name)) => format!(
            "{name} is not in this page's network (no operators or restaked ETH for it), so the page starts from the demo positions."
        ),
        _ => format!(
            "No protocol “{id}” is in this page's network, so the page starts from the demo positions."
        ),
    }
}
