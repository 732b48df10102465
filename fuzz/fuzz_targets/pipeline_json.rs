//! JSON syntax: the input up to a NUL byte is `main.tf.json`, the rest
//! `terraform.tfvars.json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let data = data.to_vec();
    souverain_fuzz::on_big_stack(move || {
        let (config, vars) = match data.iter().position(|b| *b == 0) {
            Some(at) => (&data[..at], &data[at + 1..]),
            None => (&data[..], &[][..]),
        };
        souverain_fuzz::check_tree(&[("main.tf.json", config), ("terraform.tfvars.json", vars)]);
    });
});
