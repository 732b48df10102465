//! Generates a synthetic Terraform tree for benchmarks:
//! `cargo run --release --example gen_tree -- DIR SHAPE`, where SHAPE is `flat:N`
//! (or just N) resources, `deep:N` levels of modules, `wide:N` `for_each` instances,
//! `shared:N` roots sharing a module, or `repo:N` files of a Git repository. The shapes
//! are those of `cargo bench` (`benches/trees`).

#[path = "../benches/trees/mod.rs"]
mod trees;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(shape)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_tree DIR SHAPE (flat:N, deep:N, wide:N, shared:N, repo:N)");
        std::process::exit(2);
    };
    let Some(shape) = trees::Shape::parse(&shape) else {
        eprintln!("gen_tree: unknown shape {shape:?}");
        std::process::exit(2);
    };
    shape.write(std::path::Path::new(&dir));
    eprintln!("{shape:?} under {dir}");
}
