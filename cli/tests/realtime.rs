//! `zai realtime` end to end against `--mock`: a WAV question in, the transcript
//! on stdout, a playable WAV reply, usage on stderr, exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};
use zai::realtime::Pcm16;

fn zai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zai"))
        .args(args)
        .env_remove("ZAI_API_KEY")
        .env_remove("ZAI_BASE_URL")
        .output()
        .expect("run zai")
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("zai-realtime-{}-{name}", std::process::id()))
}

/// question.wav: 1.5 s of a 300 Hz tone at 16 kHz, loud enough to be speech.
fn question() -> PathBuf {
    let samples = (0..24_000)
        .map(|i| ((i as f32 * 300.0 * std::f32::consts::TAU / 16_000.0).sin() * 9_000.0) as i16)
        .collect();
    let path = temp("question.wav");
    let audio = Pcm16 {
        sample_rate: 16_000,
        samples,
    };
    std::fs::write(&path, audio.to_wav()).unwrap();
    path
}

/// The mock's spoken reply: five 100 ms deltas at 24 kHz, as a WAV file.
fn assert_reply_wav(path: &PathBuf) {
    let wav = std::fs::read(path).unwrap();
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(&wav[8..16], b"WAVEfmt ");
    let reply = Pcm16::from_wav(&wav).unwrap();
    assert_eq!(reply.sample_rate, 24_000);
    assert_eq!(reply.samples.len(), 12_000);
    assert!(
        reply.samples.iter().any(|&s| s.abs() > 1_000),
        "a tone, not silence"
    );
}

#[test]
fn voice_in_transcript_and_wav_out() {
    let (input, out) = (question(), temp("reply.wav"));
    let run = zai(&[
        "--mock",
        "realtime",
        "--input",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "Hello! How can I help you today?\n"
    );
    assert!(
        stderr.starts_with("usage: ") && stderr.contains(" tokens"),
        "{stderr}"
    );
    assert_reply_wav(&out);
}

#[test]
fn server_vad_video_frame_and_text() {
    let (input, out, jpeg) = (question(), temp("vad.wav"), temp("frame.jpg"));
    std::fs::write(&jpeg, b"\xFF\xD8\xFF\xE0 a frame").unwrap();
    let run = zai(&[
        "--mock",
        "realtime",
        "--server-vad",
        "--input",
        input.to_str().unwrap(),
        "--video-frame",
        jpeg.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_reply_wav(&out);

    let run = zai(&["--mock", "realtime", "--text", "Hello?"]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "Hello! How can I help you today?\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = zai(&["--mock", "realtime"]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "error: give --input IN.wav or --text\n"
    );
    let run = zai(&["--mock", "realtime", "--input", "/nonexistent.wav"]);
    assert_eq!(run.status.code(), Some(2));
    let not_wav = temp("not.wav");
    std::fs::write(&not_wav, b"hello").unwrap();
    let run = zai(&["--mock", "realtime", "--input", not_wav.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
}
