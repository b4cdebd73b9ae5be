//! The frame-time readout (View ▸ Frame time and fps) and the frame counter of
//! `WARDMAP_TIMING=frames`: how many frames the window drew in the last second, how long apart
//! they were, and how much of that was the app's own CPU work.
//!
//! Frames are counted as eframe presents them (one per egui frame, not per layout pass), so
//! the figure is what the user sees, whatever limits it: the app, the GPU (or Mesa's software
//! renderer), or vsync. Pauses (an idle window draws nothing) are left out of the average, so
//! the readout says how fast the window draws while something moves, not how often it moves.

use std::collections::VecDeque;

/// Frames older than this (seconds) no longer count.
const WINDOW: f64 = 1.0;
/// A gap between two frames longer than this (seconds) is a pause, not a slow frame.
const PAUSE: f64 = 0.25;

/// The frames of the last second: when each was drawn, and its CPU time if known.
#[derive(Clone, Debug, Default)]
pub struct FrameStats {
    frames: VecDeque<Frame>,
    last_frame_nr: Option<u64>,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    at: f64,
    cpu: Option<f32>,
}

/// What the readout shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSummary {
    /// Frames drawn per second while drawing (pauses left out).
    pub fps: f64,
    /// The mean time from one frame to the next, milliseconds.
    pub frame_ms: f64,
    /// The mean CPU time eframe reports per frame (`App::ui`, tessellation, painting calls),
    /// milliseconds; `None` where the integration does not say (tests).
    pub cpu_ms: Option<f64>,
}

impl FrameSummary {
    /// "60 fps · 16.7 ms a frame · CPU 4.1 ms", in fixed widths so the text does not jiggle.
    pub fn text(&self) -> String {
        let cpu = self.cpu_ms.map_or_else(String::new, |cpu| format!(" · CPU {cpu:4.1} ms"));
        format!("{:3.0} fps · {:5.1} ms a frame{cpu}", self.fps, self.frame_ms)
    }
}

impl FrameStats {
    /// Note frame number `frame_nr` drawn at `now` (seconds, any origin), with the CPU time of
    /// the frame before it (as `eframe::IntegrationInfo::cpu_usage` gives it). A second call
    /// for the same frame (egui's second layout pass) is ignored.
    pub fn record(&mut self, frame_nr: u64, now: f64, cpu_of_last: Option<f32>) {
        if self.last_frame_nr == Some(frame_nr) {
            return;
        }
        self.last_frame_nr = Some(frame_nr);
        if let Some(last) = self.frames.back_mut() {
            last.cpu = cpu_of_last.or(last.cpu);
        }
        self.frames.push_back(Frame { at: now, cpu: None });
        while self.frames.front().is_some_and(|f| now - f.at > WINDOW) {
            self.frames.pop_front();
        }
    }

    /// The figures of the last second's frames; `None` when fewer than two came close enough
    /// together to time (the window is idle).
    pub fn summary(&self) -> Option<FrameSummary> {
        let intervals: Vec<f64> = self
            .frames
            .iter()
            .zip(self.frames.iter().skip(1))
            .map(|(a, b)| b.at - a.at)
            .filter(|gap| *gap > 0.0 && *gap <= PAUSE)
            .collect();
        if intervals.is_empty() {
            return None;
        }
        let frame = intervals.iter().sum::<f64>() / intervals.len() as f64;
        let cpus: Vec<f64> = self.frames.iter().filter_map(|f| f.cpu).map(f64::from).collect();
        let cpu_ms = (!cpus.is_empty()).then(|| 1000.0 * cpus.iter().sum::<f64>() / cpus.len() as f64);
        Some(FrameSummary { fps: 1.0 / frame, frame_ms: 1000.0 * frame, cpu_ms })
    }

    /// How many frames were drawn in the last second (pauses included): the frame counter's
    /// figure.
    pub fn frames_in_window(&self) -> usize {
        self.frames.len()
    }
}

/// The readout's words when no frames are being drawn.
pub const IDLE: &str = "  – fps (idle: nothing moving)";

/// The readout, right-aligned in the rest of the row (the colour bar's): legible at the
/// body's size, in figures of fixed width.
pub fn show_readout(ui: &mut egui::Ui, text: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(egui::RichText::new(text).monospace()).on_hover_text(
            "Frames drawn a second while something moves, the time from one to the next, and the app's own \
             CPU time in each (View ▸ Frame time and fps to hide)",
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steady(stats: &mut FrameStats, from: u64, count: u64, start: f64, step: f64, cpu: f32) {
        for i in 0..count {
            stats.record(from + i, start + step * i as f64, Some(cpu));
        }
    }

    #[test]
    fn frames_a_fiftieth_of_a_second_apart_are_fifty_a_second() {
        let mut stats = FrameStats::default();
        steady(&mut stats, 0, 30, 10.0, 0.02, 0.004);
        let summary = stats.summary().expect("frames to time");
        assert!((summary.fps - 50.0).abs() < 1e-6, "{summary:?}");
        assert!((summary.frame_ms - 20.0).abs() < 1e-6);
        assert!(summary.cpu_ms.is_some_and(|cpu| (cpu - 4.0).abs() < 1e-3), "{summary:?}");
        assert!(summary.text().contains("50 fps"), "{}", summary.text());
        assert!(summary.text().contains("20.0 ms"), "{}", summary.text());
    }

    #[test]
    fn only_the_last_second_counts() {
        let mut stats = FrameStats::default();
        steady(&mut stats, 0, 100, 0.0, 0.1, 0.01);
        steady(&mut stats, 100, 200, 10.0, 0.01, 0.001);
        let summary = stats.summary().expect("frames to time");
        assert!((summary.fps - 100.0).abs() < 1e-6, "{summary:?}");
        assert!(stats.frames_in_window() <= 101, "{}", stats.frames_in_window());
    }

    #[test]
    fn a_pause_is_not_a_slow_frame() {
        let mut stats = FrameStats::default();
        steady(&mut stats, 0, 10, 0.0, 0.02, 0.004);
        // Still for half a second, then moving again.
        steady(&mut stats, 10, 10, 0.68, 0.02, 0.004);
        let summary = stats.summary().expect("frames to time");
        assert!((summary.fps - 50.0).abs() < 1e-6, "{summary:?}");
    }

    #[test]
    fn one_frame_after_a_rest_is_idle() {
        let mut stats = FrameStats::default();
        steady(&mut stats, 0, 10, 0.0, 0.02, 0.004);
        stats.record(10, 5.0, None);
        assert_eq!(stats.summary(), None);
        assert_eq!(stats.frames_in_window(), 1);
    }

    #[test]
    fn a_second_layout_pass_of_one_frame_is_not_a_frame() {
        let mut stats = FrameStats::default();
        stats.record(1, 0.0, None);
        stats.record(1, 0.001, None);
        stats.record(2, 0.02, None);
        assert_eq!(stats.frames_in_window(), 2);
        let summary = stats.summary().expect("frames to time");
        assert!((summary.frame_ms - 20.0).abs() < 1e-6, "{summary:?}");
        assert_eq!(summary.cpu_ms, None);
        assert!(!summary.text().contains("CPU"));
    }
}
