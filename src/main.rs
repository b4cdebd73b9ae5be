//! `wardmap`: the GUI by default, or headless commands (`wardmap summary`, `wardmap export`).

fn main() -> std::process::ExitCode {
    wardmap::cli::main()
}
