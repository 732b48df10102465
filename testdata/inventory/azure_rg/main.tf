provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-citizens"
  location = "France Central"
}

resource "azurerm_storage_account" "sa" {
  name                     = "citizens"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_key_vault" "kv" {
  name                = "kv"
  resource_group_name = azurerm_resource_group.rg.name
  location            = var.location
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

variable "location" {
  type = string
}
