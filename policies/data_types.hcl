# Data types: which resource types hold data, of which category, and where they copy it.
# Schema: policies/README.md. Facts: the domain reference, §8 (data-holding resource types,
# names checked against the provider doc trees at the listed commits) and §9 (replication
# and cross-region traps). `date` is the source's date; for an undated source, the date the
# fact was compiled (2026-09-26). `confirmed = false` marks the names the reference marks †
# (not in infracost, UNCONFIRMED) and anything beyond it.
#
# Left out on purpose: container registries, Kubernetes clusters, serverless functions and
# orchestration stacks. They run or ship code; the data they hold lives in the disks,
# buckets and databases listed here.

# --- AWS (hashicorp/aws; names checked against infracost) --------------------------

data_types "object-storage" {
  types     = ["aws_s3_bucket", "aws_s3_bucket_replication_configuration"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go ; hashicorp/terraform-provider-aws@0cb788ce"
  date      = "2026-08-21"
  confirmed = true
}

data_types "block-storage" {
  types     = ["aws_ebs_volume", "aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_instance", "aws_lightsail_instance"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "database" {
  types = [
    "aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_dynamodb_table",
    "aws_docdb_cluster", "aws_neptune_cluster",
  ]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "cache" {
  types     = ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "queue-stream" {
  types = [
    "aws_sqs_queue", "aws_sns_topic", "aws_kinesis_stream",
    "aws_kinesis_firehose_delivery_stream", "aws_msk_cluster", "aws_mq_broker",
  ]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "secrets" {
  types     = ["aws_secretsmanager_secret", "aws_ssm_parameter"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "keys" {
  types     = ["aws_kms_key", "aws_kms_replica_key"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "logs" {
  types     = ["aws_cloudwatch_log_group", "aws_cloudtrail"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "backup" {
  types     = ["aws_backup_vault"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "warehouse" {
  types     = ["aws_redshift_cluster", "aws_glue_catalog_database"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "search" {
  types     = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

data_types "file-share" {
  types     = ["aws_efs_file_system", "aws_fsx_windows_file_system"]
  source    = "infracost/infracost@95ba4f49 internal/providers/terraform/aws/*.go"
  date      = "2026-08-21"
  confirmed = true
}

# † names: follow the naming convention, not in infracost.
data_types "object-storage" {
  types     = ["aws_s3_object"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "block-storage" {
  types     = ["aws_ami_copy"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "database" {
  types = [
    "aws_rds_global_cluster", "aws_keyspaces_table", "aws_timestreamwrite_table",
    "aws_dms_replication_instance",
  ]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "cache" {
  types     = ["aws_memorydb_cluster", "aws_dax_cluster"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "backup" {
  types     = ["aws_backup_plan"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "warehouse" {
  types     = ["aws_athena_workgroup"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "file-share" {
  types     = ["aws_fsx_lustre_file_system"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "ml-data" {
  types     = ["aws_sagemaker_notebook_instance"]
  source    = "domain reference §8 († UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

# Copies RDS automated backups into the region of its own provider; not in the domain
# reference's §8 list.
data_types "backup" {
  types     = ["aws_db_instance_automated_backups_replication"]
  source    = "hashicorp/terraform-provider-aws@0cb788ce (resource name beyond the domain reference)"
  date      = "2026-09-26"
  confirmed = false
}

# --- Google (hashicorp/google website/docs/r/) -------------------------------------

data_types "object-storage" {
  types     = ["google_storage_bucket", "google_storage_bucket_object"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "block-storage" {
  types = [
    "google_compute_disk", "google_compute_region_disk", "google_compute_snapshot",
    "google_compute_image", "google_compute_instance",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "database" {
  types = [
    "google_sql_database_instance", "google_sql_database", "google_alloydb_cluster",
    "google_alloydb_instance", "google_spanner_instance", "google_spanner_database",
    "google_firestore_database", "google_bigtable_instance", "google_bigtable_table",
    "google_healthcare_dataset", "google_healthcare_fhir_store",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "cache" {
  types = [
    "google_redis_instance", "google_redis_cluster", "google_memcache_instance",
    "google_memorystore_instance",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "queue-stream" {
  types = [
    "google_pubsub_topic", "google_pubsub_subscription", "google_pubsub_lite_topic",
    "google_managed_kafka_cluster", "google_cloud_tasks_queue", "google_datastream_stream",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "secrets" {
  types     = ["google_secret_manager_secret", "google_secret_manager_regional_secret"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "keys" {
  types     = ["google_kms_key_ring", "google_kms_crypto_key"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "logs" {
  types     = ["google_logging_project_bucket_config", "google_logging_project_sink"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "backup" {
  types     = ["google_backup_dr_backup_vault", "google_gke_backup_backup_plan"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "warehouse" {
  types = [
    "google_bigquery_dataset", "google_bigquery_table", "google_bigquery_analytics_hub_listing",
    "google_dataproc_cluster", "google_dataflow_job", "google_dataplex_lake",
    "google_looker_instance", "google_composer_environment",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "file-share" {
  types     = ["google_filestore_instance", "google_netapp_volume", "google_parallelstore_instance"]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "ml-data" {
  types = [
    "google_vertex_ai_dataset", "google_vertex_ai_featurestore", "google_vertex_ai_index",
    "google_workbench_instance", "google_document_ai_processor",
    "google_discovery_engine_data_store",
  ]
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

# --- Azure (hashicorp/azurerm website/docs/r/) -------------------------------------

data_types "object-storage" {
  types = [
    "azurerm_storage_account", "azurerm_storage_container", "azurerm_storage_blob",
    "azurerm_storage_data_lake_gen2_filesystem", "azurerm_storage_container_immutability_policy",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "block-storage" {
  types = [
    "azurerm_managed_disk", "azurerm_snapshot", "azurerm_linux_virtual_machine",
    "azurerm_windows_virtual_machine", "azurerm_elastic_san",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "database" {
  types = [
    "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_mssql_managed_instance",
    "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server",
    "azurerm_oracle_autonomous_database", "azurerm_cosmosdb_account", "azurerm_mongo_cluster",
    "azurerm_storage_table",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "cache" {
  types     = ["azurerm_redis_cache", "azurerm_managed_redis"]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "queue-stream" {
  types = [
    "azurerm_servicebus_namespace", "azurerm_servicebus_queue", "azurerm_eventhub_namespace",
    "azurerm_stream_analytics_job", "azurerm_storage_queue",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "secrets" {
  types     = ["azurerm_key_vault", "azurerm_key_vault_secret", "azurerm_app_configuration"]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "keys" {
  types     = ["azurerm_key_vault_key"]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "logs" {
  types = [
    "azurerm_log_analytics_workspace", "azurerm_monitor_diagnostic_setting",
    "azurerm_application_insights",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "backup" {
  types = [
    "azurerm_recovery_services_vault", "azurerm_backup_protected_vm",
    "azurerm_data_protection_backup_vault",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "warehouse" {
  types = [
    "azurerm_synapse_workspace", "azurerm_kusto_cluster", "azurerm_data_factory",
    "azurerm_databricks_workspace", "azurerm_purview_account",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "search" {
  types     = ["azurerm_search_service"]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "file-share" {
  types = [
    "azurerm_storage_share", "azurerm_netapp_account", "azurerm_netapp_volume",
    "azurerm_managed_lustre_file_system",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "ml-data" {
  types = [
    "azurerm_machine_learning_workspace", "azurerm_machine_learning_datastore_blobstorage",
    "azurerm_cognitive_account",
  ]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/"
  date      = "2026-08-21"
  confirmed = true
}

# --- OVHcloud (ovh/ovh docs/resources/) --------------------------------------------

data_types "object-storage" {
  types = [
    "ovh_cloud_project_storage", "ovh_cloud_project_storage_object_bucket_lifecycle_configuration",
    "ovh_cloud_project_storage_replication_job", "ovh_cloud_project_region_storage_presign",
    "ovh_cloud_project_user_s3_credential", "ovh_cloud_project_user_s3_policy",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "block-storage" {
  types = [
    "ovh_cloud_project_volume", "ovh_cloud_storage_block_volume",
    "ovh_cloud_storage_block_volume_snapshot", "ovh_cloud_project_instance_snapshot",
    "ovh_cloud_project_instance", "ovh_cloud_instance", "ovh_cloud_instance_group",
    "ovh_dedicated_server", "ovh_vps",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "database" {
  types = [
    "ovh_cloud_project_database", "ovh_cloud_project_database_database",
    "ovh_hosting_privatedatabase", "ovh_hosting_privatedatabase_database",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "queue-stream" {
  types     = ["ovh_cloud_project_database_kafka_topic"]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

# The reference says "…_opensearch_index-related" without the exact names.
data_types "search" {
  types     = ["ovh_cloud_project_database_opensearch_*"]
  source    = "domain reference §8 (exact names not given)"
  date      = "2026-09-26"
  confirmed = false
}

data_types "secrets" {
  types     = ["ovh_cloud_key_manager_secret", "ovh_cloud_key_manager_container", "ovh_okms_secret"]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "keys" {
  types     = ["ovh_okms", "ovh_okms_service_key", "ovh_okms_service_key_jwk"]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "logs" {
  types = [
    "ovh_dbaas_logs_cluster", "ovh_dbaas_logs_input", "ovh_dbaas_logs_output_graylog_stream",
    "ovh_dbaas_logs_output_opensearch_index", "ovh_dbaas_logs_output_opensearch_alias",
    "ovh_cloud_project_kube_log_subscription", "ovh_cloud_project_database_log_subscription",
    "ovh_cloud_project_region_loadbalancer_log_subscription",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "backup" {
  types = [
    "ovh_cloud_project_workflow_backup", "ovh_cloud_project_volume_backup",
    "ovh_cloud_storage_block_volume_backup",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "file-share" {
  types = [
    "ovh_cloud_project_file_storage_share", "ovh_cloud_storage_file_share",
    "ovh_cloud_storage_file_share_snapshot", "ovh_storage_efs", "ovh_storage_efs_share",
    "ovh_storage_efs_share_snapshot", "ovh_dedicated_nasha_partition",
    "ovh_dedicated_nasha_partition_snapshot", "ovh_dedicated_ceph_acl",
  ]
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

# --- 3DS Outscale (outscale/outscale) ----------------------------------------------
# No OOS bucket resource: buckets are aws_s3_bucket with an Outscale endpoint.

data_types "block-storage" {
  types     = ["outscale_volume", "outscale_snapshot", "outscale_image", "outscale_vm"]
  source    = "outscale/terraform-provider-outscale@70f2bbeb docs/resources/"
  date      = "2026-08-12"
  confirmed = true
}

data_types "backup" {
  types     = ["outscale_snapshot_export_task", "outscale_image_export_task"]
  source    = "outscale/terraform-provider-outscale@70f2bbeb docs/resources/"
  date      = "2026-08-12"
  confirmed = true
}

data_types "secrets" {
  types     = ["outscale_keypair", "outscale_server_certificate", "outscale_ca", "outscale_access_key"]
  source    = "outscale/terraform-provider-outscale@70f2bbeb docs/resources/"
  date      = "2026-08-12"
  confirmed = true
}

# Its access logs go to an OOS bucket.
data_types "logs" {
  types     = ["outscale_load_balancer"]
  source    = "outscale/terraform-provider-outscale@70f2bbeb docs/resources/"
  date      = "2026-08-12"
  confirmed = true
}

# --- Scaleway (scaleway/scaleway) --------------------------------------------------

data_types "object-storage" {
  types = [
    "scaleway_object_bucket", "scaleway_object", "scaleway_object_bucket_lock_configuration",
    "scaleway_object_bucket_server_side_encryption_configuration",
    "scaleway_object_bucket_policy", "scaleway_object_bucket_acl",
    "scaleway_object_bucket_website_configuration",
  ]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "block-storage" {
  types = [
    "scaleway_block_volume", "scaleway_block_snapshot", "scaleway_instance_volume",
    "scaleway_instance_snapshot", "scaleway_instance_image", "scaleway_instance_server",
    "scaleway_baremetal_server",
  ]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "database" {
  types = [
    "scaleway_rdb_instance", "scaleway_rdb_database", "scaleway_rdb_read_replica",
    "scaleway_sdb_sql_database", "scaleway_mongodb_instance",
  ]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "backup" {
  types     = ["scaleway_rdb_database_backup", "scaleway_rdb_snapshot", "scaleway_mongodb_snapshot"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "cache" {
  types     = ["scaleway_redis_cluster"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "queue-stream" {
  types     = ["scaleway_mnq_sqs_queue", "scaleway_mnq_sns_topic", "scaleway_mnq_nats_account"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "secrets" {
  types     = ["scaleway_secret", "scaleway_secret_version"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "keys" {
  types     = ["scaleway_key_manager_key", "scaleway_key_manager_key_material"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "logs" {
  types     = ["scaleway_cockpit", "scaleway_cockpit_source", "scaleway_cockpit_exporter"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "warehouse" {
  types     = ["scaleway_datawarehouse_deployment", "scaleway_datawarehouse_database"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "file-share" {
  types     = ["scaleway_file_filesystem"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

data_types "ml-data" {
  types     = ["scaleway_inference_deployment", "scaleway_inference_model"]
  source    = "scaleway/terraform-provider-scaleway@b2d45ed4 docs/resources/"
  date      = "2026-08-21"
  confirmed = true
}

# --- OpenStack (terraform-provider-openstack/openstack) ----------------------------

data_types "block-storage" {
  types     = ["openstack_blockstorage_volume_v3", "openstack_compute_instance_v2", "openstack_images_image_v2"]
  source    = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/resources/"
  date      = "2026-07-16"
  confirmed = true
}

data_types "object-storage" {
  types     = ["openstack_objectstorage_container_v1", "openstack_objectstorage_object_v1"]
  source    = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/resources/"
  date      = "2026-07-16"
  confirmed = true
}

data_types "database" {
  types     = ["openstack_db_instance_v1", "openstack_db_database_v1"]
  source    = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/resources/"
  date      = "2026-07-16"
  confirmed = true
}

data_types "file-share" {
  types     = ["openstack_sharedfilesystem_share_v2"]
  source    = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/resources/"
  date      = "2026-07-16"
  confirmed = true
}

data_types "secrets" {
  types     = ["openstack_keymanager_secret_v1", "openstack_keymanager_container_v1"]
  source    = "terraform-provider-openstack/terraform-provider-openstack@27f26125 docs/resources/"
  date      = "2026-07-16"
  confirmed = true
}

# === Replication: where copies of the data go (§9) =================================
# Each destination is classified like a primary location.

replication "aws_dynamodb_table" {
  attribute = "replica.region_name" # every `replica` block
  kind      = "region"
  source    = "hashicorp/terraform-provider-aws@0cb788ce website/docs/guides/enhanced-region-support.html.markdown ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "aws_s3_bucket_replication_configuration" {
  attribute = "rule.destination.bucket" # the destination bucket's region
  kind      = "resource-reference"
  source    = "hashicorp/terraform-provider-aws@0cb788ce ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "aws_kms_key" {
  attribute = "multi_region"
  kind      = "unpinned" # replica keys may be created in any region
  when      = ["true"]
  source    = "hashicorp/terraform-provider-aws@0cb788ce ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "aws_kms_replica_key" {
  kind      = "own-location"
  source    = "hashicorp/terraform-provider-aws@0cb788ce ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "aws_ebs_snapshot_copy" {
  kind      = "own-location"
  source    = "hashicorp/terraform-provider-aws@0cb788ce ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "aws_ami_copy" {
  kind      = "own-location"
  source    = "domain reference §9 (name † UNCONFIRMED)"
  date      = "2026-09-26"
  confirmed = false
}

replication "aws_db_instance_automated_backups_replication" {
  kind      = "own-location" # backups land in this resource's (provider's) region
  source    = "hashicorp/terraform-provider-aws@0cb788ce (beyond the domain reference)"
  date      = "2026-09-26"
  confirmed = false
}

replication "aws_backup_plan" {
  attribute = "rule.copy_action.destination_vault_arn"
  kind      = "resource-reference"
  source    = "domain reference §9 (copy actions; name † UNCONFIRMED, attribute path beyond the reference)"
  date      = "2026-09-26"
  confirmed = false
}

replication "azurerm_storage_account" {
  attribute = "account_replication_type"
  kind      = "paired-region"
  when      = ["GRS", "RAGRS", "GZRS", "RAGZRS"]
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/storage_account.html.markdown l.91, 101"
  date      = "2026-08-21"
  confirmed = true
}

replication "azurerm_mssql_database" {
  attribute = "storage_account_type"
  kind      = "paired-region"
  when      = ["Geo", "GeoZone"]
  default   = "Geo" # backups go to the paired region unless set otherwise
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/mssql_database.html.markdown l.166, 236"
  date      = "2026-08-21"
  confirmed = true
}

replication "azurerm_cosmosdb_account" {
  attribute = "geo_location.location" # every `geo_location` block
  kind      = "region"
  source    = "hashicorp/terraform-provider-azurerm@69697b7f website/docs/r/cosmosdb_account.html.markdown l.139, 207"
  date      = "2026-08-21"
  confirmed = true
}

replication "azurerm_monitor_diagnostic_setting" {
  attribute = "storage_account_id"
  kind      = "resource-reference"
  source    = "domain reference §9 (logs sent elsewhere) ; hashicorp/terraform-provider-azurerm@69697b7f"
  date      = "2026-08-21"
  confirmed = true
}

replication "azurerm_monitor_diagnostic_setting" {
  attribute = "log_analytics_workspace_id"
  kind      = "resource-reference"
  source    = "domain reference §9 (logs sent elsewhere) ; hashicorp/terraform-provider-azurerm@69697b7f"
  date      = "2026-08-21"
  confirmed = true
}

replication "azurerm_monitor_diagnostic_setting" {
  attribute = "eventhub_authorization_rule_id"
  kind      = "resource-reference"
  source    = "domain reference §9 (logs sent elsewhere) ; hashicorp/terraform-provider-azurerm@69697b7f"
  date      = "2026-08-21"
  confirmed = true
}

replication "google_storage_bucket" {
  attribute = "location" # EU, US, ASIA, EUR4…: every country of the multi-region
  kind      = "multi-region"
  source    = "https://docs.rs/cloud-storage/0.7.0/cloud_storage/bucket/enum.MultiRegion.html ; domain reference §9"
  date      = "2026-09-26"
  confirmed = true
}

replication "google_secret_manager_secret" {
  attribute      = "replication.auto"
  kind           = "unpinned"
  except_vendors = ["s3ns"] # stays in u-france-east1
  source         = "hashicorp/terraform-provider-google@e03b7622 ; https://documentation.s3ns.fr/ (2026-07-17)"
  date           = "2026-08-21"
  confirmed      = true
}

replication "google_secret_manager_secret" {
  attribute = "replication.user_managed.replicas.location"
  kind      = "region"
  source    = "hashicorp/terraform-provider-google@e03b7622 website/docs/guides/provider_reference.html.markdown"
  date      = "2026-08-21"
  confirmed = true
}

replication "google_pubsub_topic" {
  attribute = "message_storage_policy.allowed_persistence_regions"
  kind      = "region"
  source    = "hashicorp/terraform-provider-google@e03b7622 ; domain reference §5, §9"
  date      = "2026-08-21"
  confirmed = true
}

replication "google_compute_snapshot" {
  attribute = "storage_locations"
  kind      = "region"
  source    = "hashicorp/terraform-provider-google@e03b7622 ; domain reference §8, §9"
  date      = "2026-08-21"
  confirmed = true
}

replication "google_compute_image" {
  attribute = "storage_locations"
  kind      = "region"
  source    = "hashicorp/terraform-provider-google@e03b7622 ; domain reference §8, §9"
  date      = "2026-08-21"
  confirmed = true
}

replication "google_sql_database_instance" {
  attribute = "settings.backup_configuration.location"
  kind      = "region"
  source    = "domain reference §9 (SQL backup location; the attribute path is beyond the reference)"
  date      = "2026-09-26"
  confirmed = false
}

replication "ovh_cloud_project_storage" {
  attribute = "replication.rules.destination.region"
  kind      = "region"
  source    = "ovh/terraform-provider-ovh@a1ae5bce docs (replication-rule region; the attribute path is beyond the reference)"
  date      = "2026-08-21"
  confirmed = false
}
