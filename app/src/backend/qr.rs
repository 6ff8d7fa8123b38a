//! QR codes for invitation links, drawn on the server as SVG so that no script is needed.

use qrcode::QrCode;
use qrcode::render::svg;

/// An SVG QR code for `text`, or an empty string if it cannot be encoded (the link and
/// code are always shown as text too).
pub fn svg(text: &str) -> String {
    QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}
