//! Pagefind 1.6's index records and file encodings: CBOR records encoded
//! as pagefind encodes them, gzip behind its marker, and file names from
//! SHA-1 hashes as it spells them.

use minicbor::Encode;
use sha1::{Digest, Sha1};

pub(super) fn cbor<T: Encode<()>>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    minicbor::encode(value, &mut bytes).expect("encoding into memory does not fail");
    bytes
}

pub(super) fn compress(bytes: &[u8]) -> Vec<u8> {
    Gzip::new().compress(bytes)
}

/// Gzip behind pagefind's marker, by libdeflate, one compressor per
/// thread. Index files are small (a fragment is a few KB): zlib-rs spent
/// more on clearing its tables for each than on compressing, and
/// libdeflate's fastest level is as small as zlib's level 3 at twice the speed.
pub(super) struct Gzip {
    pub(super) compressor: libdeflater::Compressor,
    pub(super) input: Vec<u8>,
}

impl Gzip {
    pub(super) fn new() -> Gzip {
        let level = libdeflater::CompressionLvl::new(1).expect("1 is a level");
        Gzip { compressor: libdeflater::Compressor::new(level), input: Vec::new() }
    }

    pub(super) fn compress(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.input.clear();
        self.input.extend_from_slice(b"pagefind_dcd");
        self.input.extend_from_slice(bytes);
        let mut out = vec![0; self.compressor.gzip_compress_bound(self.input.len())];
        let length = self.compressor.gzip_compress(&self.input, &mut out).expect("the bound leaves room");
        out.truncate(length);
        // Kept until the index is complete: no room to spare.
        out.shrink_to_fit();
        out
    }
}

/// SHA-1 as pagefind spells it: each byte in hex without its leading zero.
pub(super) fn full_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut hex = String::with_capacity(40);
    for byte in Sha1::digest(bytes) {
        let _ = write!(hex, "{byte:x}");
    }
    hex
}

// Pagefind 1.6's index records, encoded as it encodes them.

#[derive(Encode)]
pub(super) struct WordIndex<'a> {
    #[n(0)]
    pub(super) words: Vec<PackedWord<'a>>,
}

/// Borrowed from the word lists: a chunk is encoded straight from them.
#[derive(Encode, Debug, Clone)]
pub(super) struct PackedWord<'a> {
    #[n(0)]
    pub(super) word: &'a str,
    #[n(1)]
    pub(super) pages: Vec<PackedPage<'a>>,
    #[n(2)]
    pub(super) additional_variants: Vec<PackedVariant<'a>>,
}

#[derive(Encode, Debug, Clone)]
pub(super) struct PackedVariant<'a> {
    #[n(0)]
    pub(super) form: &'a str,
    #[n(1)]
    pub(super) pages: Vec<PackedPage<'a>>,
}

/// Encoded by hand (as the derived code would, as an array of its three
/// fields): the positions are most of the index, so a page's are encoded
/// once ([`positions`]) and copied into the index of every site that has
/// the page.
#[derive(Debug, Clone)]
pub(super) struct PackedPage<'a> {
    pub(super) page_number: usize,
    /// `locs` and `meta_locs`, encoded by [`positions`].
    pub(super) positions: &'a [u8],
}

impl<C> Encode<C> for PackedPage<'_> {
    fn encode<W: minicbor::encode::Write>(
        &self,
        e: &mut minicbor::Encoder<W>,
        _: &mut C,
    ) -> Result<(), minicbor::encode::Error<W::Error>> {
        e.array(3)?.u64(self.page_number as u64)?;
        e.writer_mut().write_all(self.positions).map_err(minicbor::encode::Error::write)?;
        Ok(())
    }
}

/// A page's positions of one word, in the text and in the meta fields, as
/// two CBOR arrays of integers, appended to `into`.
pub(super) fn positions(text: &[i32], meta: &[i32], into: &mut Vec<u8>) {
    integers(text, into);
    integers(meta, into);
}

fn integers(values: &[i32], into: &mut Vec<u8>) {
    head(0x80, values.len() as u64, into);
    for &value in values {
        // Major type 0 for n, 1 for -1 - n.
        let (major, n) = if value >= 0 { (0x00, value as u32) } else { (0x20, (-1 - value) as u32) };
        head(major, u64::from(n), into);
    }
}

/// A CBOR head: the major type and `n` in the fewest bytes.
fn head(major: u8, n: u64, into: &mut Vec<u8>) {
    let bytes = n.to_be_bytes();
    let (first, length) = match n {
        0..=0x17 => (major | n as u8, 0),
        0x18..=0xff => (major | 24, 1),
        0x100..=0xffff => (major | 25, 2),
        0x1_0000..=0xffff_ffff => (major | 26, 4),
        _ => (major | 27, 8),
    };
    into.push(first);
    into.extend_from_slice(&bytes[8 - length..]);
}

#[derive(Encode)]
pub(super) struct MetaIndex {
    #[n(0)]
    pub(super) version: String,
    #[n(1)]
    pub(super) pages: Vec<MetaPage>,
    #[n(2)]
    pub(super) index_chunks: Vec<MetaChunk>,
    #[n(3)]
    pub(super) filters: Vec<MetaFilter>,
    #[n(4)]
    pub(super) sorts: Vec<MetaSort>,
    #[n(5)]
    pub(super) meta_fields: Vec<String>,
}

#[derive(Encode, Debug, PartialEq)]
pub(super) struct MetaChunk {
    #[n(0)]
    pub(super) from: String,
    #[n(1)]
    pub(super) to: String,
    #[n(2)]
    pub(super) hash: String,
}

#[derive(Encode)]
pub(super) struct MetaPage {
    #[n(0)]
    pub(super) hash: String,
    #[n(1)]
    pub(super) word_count: u32,
    #[n(2)]
    pub(super) group_hash: String,
}

#[derive(Encode)]
pub(super) struct MetaFilter {
    #[n(0)]
    pub(super) filter: String,
    #[n(1)]
    pub(super) hash: String,
}

#[derive(Encode)]
pub(super) struct MetaSort {
    #[n(0)]
    pub(super) sort: String,
    #[n(1)]
    pub(super) pages: Vec<usize>,
}

#[derive(Encode)]
pub(super) struct FilterIndex {
    #[n(0)]
    pub(super) filter: String,
    #[n(1)]
    pub(super) values: Vec<PackedValue>,
}

#[derive(Encode)]
pub(super) struct PackedValue {
    #[n(0)]
    pub(super) value: String,
    #[n(1)]
    pub(super) pages: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_encoded_as_minicbor_encodes_their_fields() {
        // Every length of number, both signs, and a long list.
        let mut locs: Vec<i32> = vec![0, 1, 23, 24, 255, 256, 65_535, 65_536, i32::MAX, -1, -24, -25, -256, -257];
        locs.extend([-65_536, -65_537, i32::MIN]);
        locs.extend((0..300).map(|i| i * 37 - 2_000));
        for (page_number, locs, meta_locs) in [(0, &locs[..], &[][..]), (70_000, &[][..], &locs[..17])] {
            let mut encoded = Vec::new();
            positions(locs, meta_locs, &mut encoded);
            let page = PackedPage { page_number, positions: &encoded };
            let mut expected = Vec::new();
            minicbor::encode((page_number, locs, meta_locs), &mut expected).unwrap();
            assert_eq!(cbor(&page), expected);
        }
    }
}
