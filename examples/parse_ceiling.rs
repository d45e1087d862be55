//! The parse ceiling of the benchmark: the `csv` crate's `StringRecord` loop
//! that only counts records, over the given files one after another, on one thread.
//! Nothing that checks a file can read it faster this way; `boiduong check` is measured
//! as a ratio to this, in the same run (`benches/run.sh`).
//!
//! ```sh
//! cargo run --release --example parse_ceiling -- ROSTER ENROLMENTS
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut total = 0u64;
    for path in std::env::args().skip(1) {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(&path)?;
        let mut record = csv::StringRecord::new();
        let mut n = 0u64;
        while reader.read_record(&mut record)? {
            n += 1;
        }
        println!("{path}: {n} records");
        total += n;
    }
    println!("{total} records");
    Ok(())
}
