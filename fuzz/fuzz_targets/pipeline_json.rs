//! JSON syntax: the input up to a NUL byte is `main.tf.json`, the rest
//! `terraform.tfvars.json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    souverain_fuzz::check_config_and_vars(data, "main.tf.json", "terraform.tfvars.json");
});
