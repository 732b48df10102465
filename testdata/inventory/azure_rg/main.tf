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

resource "azurerm_storage_container" "documents" {
  name               = "documents"
  storage_account_id = azurerm_storage_account.sa.id
}

resource "azurerm_mssql_server" "sql" {
  name                = "sql-citizens"
  resource_group_name = azurerm_resource_group.rg.name
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_database" "registry" {
  name      = "registry"
  server_id = azurerm_mssql_server.sql.id
}

# Only a resource group: no parent that tells where it lives.
resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_resource_group.rg.id
  role_definition_name = "Reader"
  principal_id         = "00000000-0000-0000-0000-000000000000"
}
