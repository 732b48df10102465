provider "aws" {
  region = "eu-west-3"
}

resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
  tags = { data_classification = "internal" }
  replica {
    region_name = "us-east-1"
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "documents" {
  name                     = "documents"
  resource_group_name      = "rg"
  location                 = "uksouth"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  tags                     = { data_classification = "public" }
}
