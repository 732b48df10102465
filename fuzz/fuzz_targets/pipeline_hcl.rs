//! Native syntax: the input up to a NUL byte is `main.tf`, the rest `terraform.tfvars`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    souverain_fuzz::check_config_and_vars(data, "main.tf", "terraform.tfvars");
});
