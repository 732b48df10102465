module "a_again" {
  source = "../a"
}
