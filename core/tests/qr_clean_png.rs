//! A clean, large code saved as PNG is readable: the 采集码 check must not call it blurred.

use photoday_core::qr::QrMatrix;
use photoday_core::qr_decode;

#[test]
fn a_clean_code_at_several_sizes_is_readable() {
    for text in [
        "CHSI-CJM-7F3A9C2E51B84D06A1E2",
        "https://www.chsi.com.cn/xlcx/cjm?code=8a7f6e5d4c3b2a190817",
    ] {
        for px in [3u32, 4, 6, 8, 12] {
            let png = QrMatrix::encode(text).unwrap().to_png(px).unwrap();
            let r = qr_decode::check_readability(&png).unwrap();
            assert!(r.readable, "{text} at {px} px/module: {r:?}");
        }
    }
}
