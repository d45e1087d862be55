//! The HTML page of `check` in a real browser: the system's Chromium, driven by
//! its own command line (`--print-to-pdf`, `--screenshot`) and, for what only a
//! running page can tell (its width, its console, its requests, its DOM), by the
//! DevTools protocol over `--remote-debugging-pipe`: JSON messages ended by a NUL
//! byte on the browser's file descriptors 3 and 4, which `sh` wires to the
//! child's stdin and stdout. No crate and no browser download: a client crate
//! (`headless_chrome`) would bring a WebSocket stack and dozens of dependencies
//! for five protocol calls.
//!
//! For the example province in English and Vietnamese and for a national-style
//! example made by the benchmark generator, at 1280×800 and at 390×844 (a phone):
//! no horizontal overflow, no console error, no request but the page itself, the
//! numbers of every target row in the DOM equal to the JSON report's; printed,
//! A4 landscape pages with no chart cut across two; a screenshot under
//! `target/tmp/browser/` for a person to look at.
//!
//! Without Chromium the tests say so and pass, unless `CI` is set: then a
//! browser that cannot start fails them (`.ci/run` installs it).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::{boiduong, check_example};
use crate::html::numbers_of;

/// The browser, or why the tests cannot run: `CHROMIUM`, else `chromium`.
fn chromium() -> Option<PathBuf> {
    let path =
        std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("chromium"), PathBuf::from);
    let profile = tempfile::tempdir().unwrap();
    let started = Command::new(&path)
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success());
    if started {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set and Chromium ({}) cannot be started: the browser tests must run in CI \
         (.ci/run installs it)",
        path.display()
    );
    eprintln!(
        "skipped: Chromium ({}) cannot be started; install it (apt-get install chromium) or \
         name it in CHROMIUM",
        path.display()
    );
    None
}

/// Where the tests leave what a person may look at: the screenshots and PDFs.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The browser's arguments every run here has.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    cmd
}

/// A browser under the DevTools protocol, and the events it has sent.
struct DevTools {
    child: Child,
    to: ChildStdin,
    from: BufReader<ChildStdout>,
    next: u64,
    events: Vec<Value>,
    /// Set when done: the watchdog then leaves the browser alone.
    done: Arc<AtomicBool>,
    _profile: tempfile::TempDir,
}

impl DevTools {
    fn start(browser: &Path) -> DevTools {
        let profile = tempfile::tempdir().unwrap();
        // the pipe is fds 3 (commands in) and 4 (replies out): the child's stdin and stdout
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(
                "exec \"$0\" --headless --disable-gpu --no-sandbox --no-first-run \
                 --hide-scrollbars --remote-debugging-pipe --user-data-dir=\"$1\" \
                 3<&0 4>&1 </dev/null >/dev/null",
            )
            .arg(browser)
            .arg(profile.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let done = Arc::new(AtomicBool::new(false));
        // a browser that hangs fails the test rather than hanging it
        let (watch, pid) = (done.clone(), child.id());
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(180));
            if !watch.load(Ordering::SeqCst) {
                let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).unwrap());
                let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
            }
        });
        DevTools {
            to: child.stdin.take().unwrap(),
            from: BufReader::new(child.stdout.take().unwrap()),
            child,
            next: 0,
            events: Vec::new(),
            done,
            _profile: profile,
        }
    }

    fn read(&mut self) -> Value {
        let mut message = Vec::new();
        let n = self.from.read_until(0, &mut message).unwrap();
        assert!(n > 0, "the browser closed the pipe");
        message.pop();
        serde_json::from_slice(&message).unwrap()
    }

    /// Call `method`, on the page of `session` if any; its result. Events that come
    /// first are kept.
    fn call(&mut self, method: &str, params: Value, session: Option<&str>) -> Value {
        self.next += 1;
        let mut message = json!({"id": self.next, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        self.to.flush().unwrap();
        loop {
            let reply = self.read();
            if reply["id"] == json!(self.next) {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    /// Wait for the event `method`.
    fn wait(&mut self, method: &str) {
        while !self.events.iter().any(|e| e["method"] == method) {
            let event = self.read();
            self.events.push(event);
        }
    }
}

impl Drop for DevTools {
    fn drop(&mut self) {
        self.done.store(true, Ordering::SeqCst);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a page showed at one size.
struct Seen {
    scroll_width: i64,
    inner_width: i64,
    /// The `data-*` attributes of each target row, and its text.
    rows: Vec<(serde_json::Map<String, Value>, String)>,
    console_errors: Vec<Value>,
    /// Requests, the page's own first.
    requests: Vec<String>,
}

const READ_PAGE: &str = "JSON.stringify({\
    scroll: document.documentElement.scrollWidth, inner: window.innerWidth,\
    rows: Array.from(document.querySelectorAll('[data-target]')).map(e => [\
      Object.fromEntries(Array.from(e.attributes).filter(a => a.name.startsWith('data-'))\
        .map(a => [a.name, a.value])), e.innerText])})";

/// Open `page` at `width`×`height` (a phone's when `mobile`) and read it.
fn look(browser: &Path, page: &Path, width: u32, height: u32, mobile: bool) -> Seen {
    let mut devtools = DevTools::start(browser);
    let target = devtools.call("Target.createTarget", json!({"url": "about:blank"}), None);
    let attached = devtools.call(
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
        None,
    );
    let session = attached["sessionId"].as_str().unwrap().to_owned();
    let s = Some(session.as_str());
    for domain in ["Runtime", "Log", "Network", "Page"] {
        devtools.call(&format!("{domain}.enable"), json!({}), s);
    }
    devtools.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        s,
    );
    let url = format!("file://{}", page.display());
    devtools.call("Page.navigate", json!({"url": url}), s);
    devtools.wait("Page.loadEventFired");
    let read = devtools.call(
        "Runtime.evaluate",
        json!({"expression": READ_PAGE, "returnByValue": true}),
        s,
    );
    let seen: Value = serde_json::from_str(read["result"]["value"].as_str().unwrap()).unwrap();
    let console_errors = devtools
        .events
        .iter()
        .filter(|e| {
            let p = &e["params"];
            (e["method"] == "Runtime.consoleAPICalled" && p["type"] == "error")
                || e["method"] == "Runtime.exceptionThrown"
                || (e["method"] == "Log.entryAdded" && p["entry"]["level"] == "error")
        })
        .cloned()
        .collect();
    let requests = devtools
        .events
        .iter()
        .filter(|e| e["method"] == "Network.requestWillBeSent")
        .map(|e| {
            e["params"]["request"]["url"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    let rows = seen["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_object().unwrap().clone(),
                r[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    Seen {
        scroll_width: seen["scroll"].as_i64().unwrap(),
        inner_width: seen["inner"].as_i64().unwrap(),
        rows,
        console_errors,
        requests,
    }
}

/// The page seen at a desktop's size and a phone's: no overflow, no console
/// error, no request but its own, and every target row of `json` with its numbers.
fn holds_in_the_browser(browser: &Path, page: &Path, json: &Value) {
    let targets = json["targets"].as_array().unwrap();
    for (width, height, mobile) in [(1280, 800, false), (390, 844, true)] {
        let seen = look(browser, page, width, height, mobile);
        let at = format!("{} at {width}×{height}", page.display());
        assert_eq!(seen.inner_width, i64::from(width), "{at}: the viewport");
        assert!(
            seen.scroll_width <= seen.inner_width,
            "{at}: {} wide in a {} viewport",
            seen.scroll_width,
            seen.inner_width
        );
        assert!(
            seen.console_errors.is_empty(),
            "{at}: {:?}",
            seen.console_errors
        );
        let own = format!("file://{}", page.display());
        assert_eq!(seen.requests, vec![own], "{at}: requests");
        assert_eq!(seen.rows.len(), targets.len(), "{at}: one row per target");
        for (i, row) in targets.iter().enumerate() {
            let (attrs, shown) = seen
                .rows
                .iter()
                .find(|(a, _)| a["data-target"] == json!(i.to_string()))
                .unwrap_or_else(|| panic!("{at}: no row {i}"));
            assert_eq!(attrs["data-rule"], row["rule"], "{at}: row {i}");
            assert_eq!(attrs["data-status"], row["status"], "{at}: row {i}");
            for (key, n) in numbers_of(row) {
                assert_eq!(
                    attrs.get(&key),
                    Some(&json!(n.to_string())),
                    "{at}: row {i} {key}"
                );
            }
            if let Some(achieved) = row["achieved"].as_i64() {
                assert!(
                    shown.split_whitespace().any(|c| c == achieved.to_string()),
                    "{at}: row {i} shows {achieved}: {shown}"
                );
            }
        }
    }
}

/// The page printed: every page A4 landscape, and no chart across two. Each
/// chart's figure and the end of its SVG are made link targets (in a copy of the
/// page, by links no one sees and an empty element after each chart, which move
/// nothing), so that the PDF names the page each is on.
fn prints_whole(browser: &Path, page: &Path, name: &str) {
    let html = std::fs::read_to_string(page).unwrap();
    let charts = html.matches("<figure id=\"chart-").count();
    assert!(charts >= 3, "{name}: {charts} charts");
    let mut marked = String::new();
    let mut rest = html.as_str();
    let mut n = 0;
    while let Some(start) = rest.find("<svg viewBox") {
        n += 1;
        let end = start + rest[start..].find("</svg>").unwrap() + "</svg>".len();
        marked.push_str(&rest[..end]);
        marked.push_str(&format!("<span id=\"chart-{n}-end\"></span>"));
        rest = &rest[end..];
    }
    marked.push_str(rest);
    assert_eq!(n, charts, "{name}: a chart per figure");
    let links: String = (1..=n)
        .map(|i| format!("<a href=\"#chart-{i}\"></a><a href=\"#chart-{i}-end\"></a>"))
        .collect();
    let marked = marked.replace("</body>", &format!("<nav hidden>{links}</nav></body>"));
    let dir = out_dir();
    let copy = dir.join(format!("{name}-marked.html"));
    std::fs::write(&copy, marked).unwrap();
    let pdf_path = dir.join(format!("{name}.pdf"));
    let _ = std::fs::remove_file(&pdf_path);
    let profile = tempfile::tempdir().unwrap();
    let status = headless(browser, profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf_path.display()))
        .arg(format!("file://{}", copy.display()))
        .status()
        .unwrap();
    assert!(status.success(), "{name}: printing");
    let pdf = std::fs::read(&pdf_path).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    let boxes: Vec<(f64, f64)> = pdf
        .match_indices("/MediaBox [")
        .map(|(at, m)| {
            let inside = &pdf[at + m.len()..];
            let numbers: Vec<f64> = inside[..inside.find(']').unwrap()]
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            (numbers[2] - numbers[0], numbers[3] - numbers[1])
        })
        .collect();
    assert!(!boxes.is_empty(), "{name}: no page");
    for (w, h) in &boxes {
        assert_eq!(
            (w.round(), h.round()),
            (842.0, 595.0),
            "{name}: A4 landscape"
        );
    }
    // each destination: `/chart-3 [12 0 R /XYZ …`, the page it is on
    let page_of = |id: &str| -> String {
        let key = format!("/{id} [");
        let at = pdf
            .find(&key)
            .unwrap_or_else(|| panic!("{name}: no destination {id} in the PDF"));
        let rest = &pdf[at + key.len()..];
        rest[..rest.find(" 0 R").unwrap()].to_owned()
    };
    for i in 1..=n {
        let (top, end) = (
            page_of(&format!("chart-{i}")),
            page_of(&format!("chart-{i}-end")),
        );
        assert_eq!(top, end, "{name}: chart {i} is cut across two pages");
    }
}

/// A screenshot of the page at 1280×800 under `target/tmp/browser/`.
fn screenshot(browser: &Path, page: &Path, name: &str) {
    let path = out_dir().join(format!("{name}-1280x800.png"));
    let _ = std::fs::remove_file(&path);
    let profile = tempfile::tempdir().unwrap();
    let status = headless(browser, profile.path())
        .arg(format!("--screenshot={}", path.display()))
        .arg("--window-size=1280,800")
        .arg(format!("file://{}", page.display()))
        .status()
        .unwrap();
    assert!(status.success(), "{name}: screenshot");
    let png = std::fs::read(&path).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "{name}: a PNG");
}

/// The page and the JSON report of the `check` that `make` makes.
fn page_and_json(
    dir: &Path,
    name: &str,
    make: &dyn Fn() -> assert_cmd::Command,
) -> (PathBuf, Value) {
    let page = dir.join(format!("{name}.html"));
    let json = dir.join(format!("{name}.json"));
    for path in [&page, &json] {
        let out = make()
            .args(["--fail-on", "never", "-o"])
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
    }
    let json: Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    (page, json)
}

fn the_page_holds(name: &str, make: &dyn Fn() -> assert_cmd::Command) {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (page, json) = page_and_json(dir.path(), name, make);
    holds_in_the_browser(&browser, &page, &json);
    prints_whole(&browser, &page, name);
    screenshot(&browser, &page, name);
    eprintln!("{name}: {} bytes", std::fs::metadata(&page).unwrap().len());
}

#[test]
fn the_example_province_in_english_holds_in_a_browser() {
    the_page_holds("province-en", &|| check_example("en", "2026-09-30"));
}

#[test]
fn the_example_province_in_vietnamese_holds_in_a_browser() {
    the_page_holds("province-vi", &|| {
        let mut cmd = check_example("vi", "30/09/2026");
        cmd.args(["--lang", "vi"]);
        cmd
    });
}

#[test]
fn a_national_style_example_holds_in_a_browser_and_stays_small() {
    if chromium().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let generator = crate::generator::gen_binary();
    let status = Command::new(generator)
        .args(["-n", "20000", "--out"])
        .arg(data.path())
        .status()
        .unwrap();
    assert!(status.success());
    the_page_holds("national", &|| {
        let mut cmd = boiduong();
        cmd.args(["check", "--as-of", "2026-11-25", "--roster"])
            .arg(data.path().join("roster.csv"))
            .arg("--enrolments")
            .arg(data.path().join("enrolments.csv"));
        cmd
    });
}
