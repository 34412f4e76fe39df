//! A zip file of a class's pass cards, so a liaison posts one file in the class group.
//!
//! Cards are PNG or JPEG, already compressed, so the entries are stored as they are (method 0):
//! no compressor needed, and every unzip tool (Windows Explorer, macOS, WeChat's file viewer)
//! opens it. Names are UTF-8 and flagged as such (general-purpose bit 11), so `学号-姓名.png`
//! stays readable. Limits of the plain zip format apply (under 4 GB, 65,535 entries), far above a
//! class.

use flate2::Crc;

/// One file in the archive.
pub struct Entry {
    /// Path inside the zip, `/`-separated.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The bytes of a zip archive holding `entries`, stored uncompressed.
pub fn zip_stored(entries: &[Entry]) -> Result<Vec<u8>, String> {
    if entries.len() > u16::MAX as usize {
        return Err(format!("{} files are too many for one zip", entries.len()));
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1980-01-01 00:00, the DOS epoch: the archive does not depend on the clock.
    let (time, date) = (0u16, (1u16 << 5) | 1);
    for e in entries {
        let offset = u32::try_from(out.len()).map_err(|_| "the zip would exceed 4 GB")?;
        let size = u32::try_from(e.bytes.len()).map_err(|_| "a file exceeds 4 GB")?;
        let mut crc = Crc::new();
        crc.update(&e.bytes);
        let crc = crc.sum();
        let name = e.name.as_bytes();
        let name_len = u16::try_from(name.len()).map_err(|_| "a file name is too long")?;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&(1u16 << 11).to_le_bytes()); // UTF-8 names
        out.extend_from_slice(&0u16.to_le_bytes()); // stored
        out.extend_from_slice(&time.to_le_bytes());
        out.extend_from_slice(&date.to_le_bytes());
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra
        out.extend_from_slice(name);
        out.extend_from_slice(&e.bytes);
        // Central directory record.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&(0x0300u16 | 20).to_le_bytes()); // made by: Unix, 2.0
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&(1u16 << 11).to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&time.to_le_bytes());
        central.extend_from_slice(&date.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        central.extend_from_slice(&(0o100644u32 << 16).to_le_bytes()); // rw-r--r--
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| "the zip would exceed 4 GB")?;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    let n = entries.len() as u16;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    Ok(out)
}
