//! Where a tooltip goes: a pure function of the anchor's box, the bubble's size and the viewport
//! (all in CSS px, viewport coordinates), so the bubble always fits the viewport and, drawn with
//! `position: fixed`, never changes the page's size or scroll (native unit tests below).

/// Gap between the anchor and the bubble, and the least distance to the viewport's edges, px.
pub const MARGIN: f64 = 8.0;

/// A box in viewport coordinates, CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// The bubble's place: its left and top edges and the most height it may take (it scrolls
/// inside itself beyond), CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Largest height.
    pub max_height: f64,
}

/// Centres a bubble of `width` × `height` under `anchor`, then moves it left or right to stay
/// [`MARGIN`] inside a viewport of `view_width` × `view_height`; it opens above the anchor
/// instead when the room below is short of its height and there is more room above. `height` is
/// the bubble as measured (the stylesheet already caps it at 40% of the viewport); the returned
/// cap is that height or the room on its side, whichever is less (never less than 0), so the
/// bubble never grows past the place it was put in.
pub fn place(
    anchor: Rect,
    width: f64,
    height: f64,
    view_width: f64,
    view_height: f64,
) -> Placement {
    let centre = (anchor.left + anchor.right) / 2.0;
    let widest_left = (view_width - MARGIN - width).max(MARGIN);
    let left = (centre - width / 2.0).clamp(MARGIN, widest_left);
    let below = view_height - anchor.bottom - 2.0 * MARGIN;
    let above = anchor.top - 2.0 * MARGIN;
    if height > below && above > below {
        let max_height = above.min(height).max(0.0);
        Placement {
            left,
            top: anchor.top - MARGIN - max_height,
            max_height,
        }
    } else {
        Placement {
            left,
            top: anchor.bottom + MARGIN,
            max_height: below.min(height).max(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(left: f64, top: f64) -> Rect {
        Rect {
            left,
            top,
            right: left + 20.0,
            bottom: top + 20.0,
        }
    }

    #[test]
    fn centred_under_the_anchor_when_it_fits() {
        // Anchor centre 510; a 200-px bubble from 410, 8 px under the anchor's bottom (120).
        let p = place(at(500.0, 100.0), 200.0, 80.0, 1280.0, 800.0);
        assert_eq!(
            p,
            Placement {
                left: 410.0,
                top: 128.0,
                max_height: 80.0
            }
        );
        // Taller than the room below (800 − 120 − 16 = 664 px), less room above: below, capped
        // at the room, and it scrolls inside itself.
        let long = place(at(500.0, 100.0), 200.0, 900.0, 1280.0, 800.0);
        assert_eq!((long.top, long.max_height), (128.0, 664.0));
    }

    #[test]
    fn kept_inside_near_either_edge() {
        // Near the right edge of a 390-px phone: 390 − 8 − 300 = 82.
        assert_eq!(
            place(at(360.0, 100.0), 300.0, 80.0, 390.0, 844.0).left,
            82.0
        );
        // Near the left edge: the margin.
        assert_eq!(
            place(at(0.0, 100.0), 300.0, 80.0, 390.0, 844.0).left,
            MARGIN
        );
        // Wider than the viewport (CSS caps it first, but even so): pinned to the left margin.
        assert_eq!(
            place(at(100.0, 100.0), 500.0, 80.0, 390.0, 844.0).left,
            MARGIN
        );
    }

    #[test]
    fn flips_above_near_the_bottom_and_caps_the_height() {
        // Anchor at 760–780 in an 800-px viewport: 4 px below, 744 above ⇒ above, its top
        // at 760 − 8 − 300 = 452.
        let p = place(at(500.0, 760.0), 200.0, 300.0, 1280.0, 800.0);
        assert_eq!(
            p,
            Placement {
                left: 410.0,
                top: 452.0,
                max_height: 300.0
            }
        );
        // A bubble taller than the room above: capped there and scrolls inside itself.
        let tall = place(at(500.0, 300.0), 200.0, 2000.0, 1280.0, 330.0);
        assert_eq!(tall.max_height, 284.0);
        assert_eq!(tall.top, 300.0 - MARGIN - 284.0);
        // No room on either side: never a negative height.
        assert_eq!(
            place(at(0.0, 10.0), 100.0, 50.0, 390.0, 0.0).max_height,
            0.0
        );
    }
}
