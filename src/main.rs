//! `wardmap`: the GUI by default, or headless commands (`wardmap summary`, `wardmap export`).

fn main() -> std::process::ExitCode {
    wardmap::ui::timing::mark_process_start();
    wardmap::cli::main()
}
