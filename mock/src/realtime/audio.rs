//! The realtime mock's audio: reading a client's chunk (WAV or raw PCM16) for its
//! length and loudness, and the tone it speaks (24 kHz mono PCM16).

/// Output audio: GLM-Realtime's only format, raw PCM at this rate, mono, 16-bit.
pub(crate) const OUTPUT_RATE: u32 = 24_000;
/// The spoken answer's tone (A4), its length in chunks and each chunk's length.
const TONE_HZ: f64 = 440.0;
const TONE_AMPLITUDE: f64 = 0.3 * i16::MAX as f64;
/// One `response.audio.delta`: 100 ms of audio.
pub(crate) const CHUNK_MS: u32 = 100;
/// A chunk whose loudest sample reaches this (about -30 dBFS) holds speech (server VAD).
pub(crate) const SPEECH_PEAK: u16 = 1000;

/// What the mock needs of an appended chunk: how long it lasts and how loud it is.
#[derive(Debug, PartialEq)]
pub(crate) struct Chunk {
    /// Milliseconds of audio.
    pub(crate) ms: u64,
    /// The largest absolute sample value.
    pub(crate) peak: u16,
}

/// Reads a chunk in the session's `input_audio_format`: `wav` (a WAV file: 16-bit
/// PCM, any rate and channel count) or `pcm<kHz>` (raw 16-bit mono PCM at that rate).
pub(crate) fn read_chunk(bytes: &[u8], format: &str) -> Result<Chunk, String> {
    let (samples, rate, channels) = if format == "wav" {
        wav_data(bytes)?
    } else {
        let rate =
            pcm_rate(format).ok_or_else(|| format!("unsupported input_audio_format '{format}'"))?;
        (bytes, rate, 1)
    };
    if samples.len() % 2 != 0 {
        return Err("audio is not whole 16-bit samples".into());
    }
    let frames = (samples.len() / 2) as u64 / u64::from(channels);
    let peak = samples
        .chunks_exact(2)
        .map(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs())
        .max()
        .unwrap_or(0);
    Ok(Chunk {
        ms: frames * 1000 / u64::from(rate),
        peak,
    })
}

/// Whether the mock reads this `input_audio_format`.
pub(crate) fn supported(format: &str) -> bool {
    format == "wav" || pcm_rate(format).is_some()
}

/// The rate of a raw PCM format: `pcm16` is 16 kHz (8 to 192 kHz).
fn pcm_rate(format: &str) -> Option<u32> {
    let khz: u32 = format.strip_prefix("pcm")?.parse().ok()?;
    (8..=192).contains(&khz).then_some(khz * 1000)
}

/// The sample bytes, rate and channel count of a 16-bit PCM WAV file.
fn wav_data(bytes: &[u8]) -> Result<(&[u8], u32, u16), String> {
    let not_wav = || "audio is not a 16-bit PCM WAV file".to_owned();
    if bytes.len() < 12 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(not_wav());
    }
    let mut rest = &bytes[12..];
    let mut format = None;
    while rest.len() >= 8 {
        let (id, size) = (
            &rest[..4],
            u32::from_le_bytes([rest[4], rest[5], rest[6], rest[7]]),
        );
        let body = &rest[8..];
        // A streamed WAV may leave the data size open (0 or 0xFFFFFFFF): take the rest.
        let len = (size as usize).min(body.len());
        match id {
            b"fmt " if len >= 16 => {
                let channels = u16::from_le_bytes([body[2], body[3]]);
                let rate = u32::from_le_bytes([body[4], body[5], body[6], body[7]]);
                let bits = u16::from_le_bytes([body[14], body[15]]);
                if bits != 16 || channels == 0 || rate == 0 {
                    return Err(not_wav());
                }
                format = Some((rate, channels));
            }
            b"data" => {
                let (rate, channels) = format.ok_or_else(not_wav)?;
                return Ok((&body[..len], rate, channels));
            }
            _ => {}
        }
        // Chunks are padded to an even size.
        let next = (8 + len + len % 2).min(rest.len());
        rest = &rest[next..];
    }
    Err(not_wav())
}

/// Chunk `index` of the spoken answer: 100 ms of a 440 Hz sine, 24 kHz mono
/// little-endian PCM16; successive chunks continue the wave without a click.
pub(crate) fn tone_chunk(index: u32) -> Vec<u8> {
    let per_chunk = OUTPUT_RATE * CHUNK_MS / 1000;
    let first = index * per_chunk;
    (first..first + per_chunk)
        .flat_map(|n| {
            let t = f64::from(n) / f64::from(OUTPUT_RATE);
            let sample = (TONE_AMPLITUDE * (2.0 * std::f64::consts::PI * TONE_HZ * t).sin()) as i16;
            sample.to_le_bytes()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, samples: &[i16]) -> Vec<u8> {
        let data: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
        let mut out = b"RIFF".to_vec();
        out.extend((36 + data.len() as u32).to_le_bytes());
        out.extend(b"WAVEfmt ");
        out.extend(16u32.to_le_bytes());
        out.extend(1u16.to_le_bytes()); // PCM
        out.extend(1u16.to_le_bytes()); // mono
        out.extend(rate.to_le_bytes());
        out.extend((rate * 2).to_le_bytes());
        out.extend(2u16.to_le_bytes());
        out.extend(16u16.to_le_bytes());
        out.extend(b"data");
        out.extend((data.len() as u32).to_le_bytes());
        out.extend(data);
        out
    }

    #[test]
    fn reads_wav_and_raw_pcm_lengths_and_peaks() {
        let samples = [0i16, -1500, 700, 20];
        let loud = wav(16_000, &samples.repeat(400));
        assert_eq!(
            read_chunk(&loud, "wav"),
            Ok(Chunk {
                ms: 100,
                peak: 1500
            })
        );
        let raw: Vec<u8> = [300i16; 2400]
            .iter()
            .flat_map(|s| s.to_le_bytes())
            .collect();
        assert_eq!(read_chunk(&raw, "pcm24"), Ok(Chunk { ms: 100, peak: 300 }));
        assert_eq!(read_chunk(&raw, "pcm16"), Ok(Chunk { ms: 150, peak: 300 }));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(read_chunk(b"not a wav file", "wav").is_err());
        assert!(read_chunk(&[0, 0, 0], "pcm16").is_err());
        assert!(read_chunk(&[0, 0], "mp3").is_err());
        assert!(read_chunk(&[0, 0], "pcm0").is_err());
    }

    #[test]
    fn the_tone_is_continuous_24khz_pcm16_at_440_hz() {
        let audio: Vec<i16> = (0..5)
            .flat_map(tone_chunk)
            .collect::<Vec<u8>>()
            .chunks_exact(2)
            .map(|s| i16::from_le_bytes([s[0], s[1]]))
            .collect();
        assert_eq!(audio.len(), 12_000);
        // 440 Hz over half a second: 440 sign changes (up and down) give or take one.
        let crossings = audio
            .windows(2)
            .filter(|w| (w[0] < 0) != (w[1] < 0))
            .count();
        assert!((439..=441).contains(&crossings), "{crossings} crossings");
        let peak = audio.iter().map(|s| s.unsigned_abs()).max().unwrap_or(0);
        assert_eq!(peak, TONE_AMPLITUDE as u16);
    }
}
