//! PCM16 mono audio and its WAV files: what GLM-Realtime takes in (WAV chunks or
//! raw PCM) and sends out (raw PCM, 24 kHz, in base64 deltas).

use crate::runtime::error::Error;
use std::time::Duration;

/// The rate of the audio GLM-Realtime answers with.
pub const OUTPUT_SAMPLE_RATE: u32 = 24_000;

/// Mono signed 16-bit audio at a sample rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcm16 {
    /// Samples per second.
    pub sample_rate: u32,
    /// The samples.
    pub samples: Vec<i16>,
}

/// No audio, at the rate GLM-Realtime answers with.
impl Default for Pcm16 {
    fn default() -> Self {
        Pcm16 {
            sample_rate: OUTPUT_SAMPLE_RATE,
            samples: Vec::new(),
        }
    }
}

impl Pcm16 {
    /// Audio from raw little-endian PCM16 bytes (an odd last byte is dropped).
    pub fn from_le_bytes(sample_rate: u32, bytes: &[u8]) -> Pcm16 {
        let samples = bytes
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Pcm16 {
            sample_rate,
            samples,
        }
    }

    /// The samples as little-endian bytes (raw PCM).
    pub fn to_le_bytes(&self) -> Vec<u8> {
        self.samples.iter().flat_map(|s| s.to_le_bytes()).collect()
    }

    /// Reads a WAV file of 16-bit PCM; several channels are mixed down to mono.
    pub fn from_wav(wav: &[u8]) -> Result<Pcm16, Error> {
        let bad = |why: &str| Error::InvalidRequest(format!("WAV: {why}"));
        if wav.len() < 12 || &wav[..4] != b"RIFF" || &wav[8..12] != b"WAVE" {
            return Err(bad("not a RIFF/WAVE file"));
        }
        let (mut format, mut at) = (None, 12);
        while at + 8 <= wav.len() {
            let size = u32::from_le_bytes([wav[at + 4], wav[at + 5], wav[at + 6], wav[at + 7]]);
            let body = &wav[at + 8..(at + 8).saturating_add(size as usize).min(wav.len())];
            match (&wav[at..at + 4], format) {
                (b"fmt ", _) if body.len() >= 16 => {
                    let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
                    let rate = u32::from_le_bytes([body[4], body[5], body[6], body[7]]);
                    if u16_at(0) != 1 || u16_at(14) != 16 || u16_at(2) == 0 {
                        return Err(bad("only 16-bit PCM is supported"));
                    }
                    format = Some((rate, u16_at(2) as usize));
                }
                (b"data", Some((rate, channels))) => {
                    let frames = Pcm16::from_le_bytes(rate, body);
                    let samples = frames
                        .samples
                        .chunks_exact(channels)
                        .map(|f| {
                            (f.iter().map(|&s| i32::from(s)).sum::<i32>() / f.len() as i32) as i16
                        })
                        .collect();
                    return Ok(Pcm16 {
                        sample_rate: rate,
                        samples,
                    });
                }
                _ => {}
            }
            // Chunks are padded to an even size.
            at = at.saturating_add(8 + size as usize + (size as usize & 1));
        }
        Err(bad("no `fmt ` chunk before the `data` chunk"))
    }

    /// A WAV file (RIFF, PCM, 16-bit, mono) of the audio.
    pub fn to_wav(&self) -> Vec<u8> {
        let data = self.to_le_bytes();
        let mut wav = Vec::with_capacity(44 + data.len());
        let len = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&len(36 + data.len()));
        wav.extend_from_slice(b"WAVEfmt ");
        wav.extend_from_slice(&16u32.to_le_bytes());
        wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
        wav.extend_from_slice(&1u16.to_le_bytes()); // mono
        wav.extend_from_slice(&self.sample_rate.to_le_bytes());
        wav.extend_from_slice(&(self.sample_rate * 2).to_le_bytes());
        wav.extend_from_slice(&2u16.to_le_bytes()); // block align
        wav.extend_from_slice(&16u16.to_le_bytes());
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&len(data.len()));
        wav.extend_from_slice(&data);
        wav
    }

    /// The audio in consecutive pieces of `frame` (the last may be shorter).
    pub fn chunks(&self, frame: Duration) -> impl Iterator<Item = Pcm16> + '_ {
        let per_chunk = (self.sample_rate as u128 * frame.as_micros() / 1_000_000).max(1) as usize;
        self.samples.chunks(per_chunk).map(|samples| Pcm16 {
            sample_rate: self.sample_rate,
            samples: samples.to_vec(),
        })
    }

    /// How long the audio plays.
    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.samples.len() as f64 / f64::from(self.sample_rate.max(1)))
    }
}
