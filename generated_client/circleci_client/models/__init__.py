"""Contains all the data models used in inputs/outputs"""

from .artifact import Artifact
from .artifact_list_response import ArtifactListResponse
from .checkout_key import CheckoutKey
from .checkout_key_input import CheckoutKeyInput
from .checkout_key_input_type import CheckoutKeyInputType
from .checkout_key_list_response import CheckoutKeyListResponse
from .checkout_key_type import CheckoutKeyType
from .collaboration import Collaboration
from .commit import Commit
from .context import Context
from .context_environment_variable import ContextEnvironmentVariable
from .context_environment_variable_input import ContextEnvironmentVariableInput
from .context_environment_variable_list_response import ContextEnvironmentVariableListResponse
from .context_input import ContextInput
from .context_list_response import ContextListResponse
from .context_owner import ContextOwner
from .context_owner_type import ContextOwnerType
from .context_restriction import ContextRestriction
from .context_restriction_input import ContextRestrictionInput
from .context_restriction_list_response import ContextRestrictionListResponse
from .context_restriction_type import ContextRestrictionType
from .continue_pipeline_parameters import ContinuePipelineParameters
from .continue_pipeline_parameters_parameters import ContinuePipelineParametersParameters
from .duration_metrics import DurationMetrics
from .environment_variable import EnvironmentVariable
from .environment_variable_input import EnvironmentVariableInput
from .environment_variable_list_response import EnvironmentVariableListResponse
from .error_response import ErrorResponse
from .executor import Executor
from .fingerprint_digest import FingerprintDigest
from .git_ref import GitRef
from .job import Job
from .job_completed_event import JobCompletedEvent
from .job_context import JobContext
from .job_details import JobDetails
from .job_message import JobMessage
from .job_metrics import JobMetrics
from .job_metrics_item import JobMetricsItem
from .job_metrics_list_response import JobMetricsListResponse
from .job_project import JobProject
from .job_requires import JobRequires
from .job_status import JobStatus
from .job_type import JobType
from .message_response import MessageResponse
from .organization_ref import OrganizationRef
from .parallel_run import ParallelRun
from .pipeline import Pipeline
from .pipeline_config import PipelineConfig
from .pipeline_creation import PipelineCreation
from .pipeline_definition import PipelineDefinition
from .pipeline_definition_checkout_source import PipelineDefinitionCheckoutSource
from .pipeline_definition_config_source import PipelineDefinitionConfigSource
from .pipeline_definition_list_response import PipelineDefinitionListResponse
from .pipeline_definition_repo import PipelineDefinitionRepo
from .pipeline_error import PipelineError
from .pipeline_error_type import PipelineErrorType
from .pipeline_list_response import PipelineListResponse
from .pipeline_not_created import PipelineNotCreated
from .pipeline_ref import PipelineRef
from .pipeline_state import PipelineState
from .pipeline_trigger import PipelineTrigger
from .pipeline_trigger_parameters import PipelineTriggerParameters
from .pipeline_trigger_parameters_additional_property_type_3 import (
    PipelineTriggerParametersAdditionalPropertyType3,
)
from .pipeline_vcs import PipelineVcs
from .project import Project
from .reporting_window import ReportingWindow
from .required_job_status import RequiredJobStatus
from .rerun_workflow_parameters import RerunWorkflowParameters
from .rerun_workflow_response import RerunWorkflowResponse
from .test_result import TestResult
from .tests_response import TestsResponse
from .trigger_actor import TriggerActor
from .trigger_pipeline_parameters import TriggerPipelineParameters
from .trigger_pipeline_parameters_parameters import TriggerPipelineParametersParameters
from .trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from .trigger_pipeline_run_parameters_parameters import TriggerPipelineRunParametersParameters
from .trigger_type import TriggerType
from .user import User
from .vcs_info import VcsInfo
from .vcs_provider import VcsProvider
from .webhook_commit import WebhookCommit
from .webhook_job import WebhookJob
from .webhook_job_status import WebhookJobStatus
from .webhook_organization import WebhookOrganization
from .webhook_person import WebhookPerson
from .webhook_pipeline import WebhookPipeline
from .webhook_project import WebhookProject
from .webhook_ref import WebhookRef
from .webhook_trigger import WebhookTrigger
from .webhook_trigger_parameters import WebhookTriggerParameters
from .webhook_vcs import WebhookVcs
from .webhook_workflow import WebhookWorkflow
from .webhook_workflow_status import WebhookWorkflowStatus
from .workflow import Workflow
from .workflow_completed_event import WorkflowCompletedEvent
from .workflow_job_list_response import WorkflowJobListResponse
from .workflow_list_response import WorkflowListResponse
from .workflow_metrics import WorkflowMetrics
from .workflow_metrics_item import WorkflowMetricsItem
from .workflow_metrics_list_response import WorkflowMetricsListResponse
from .workflow_ref import WorkflowRef
from .workflow_run import WorkflowRun
from .workflow_run_list_response import WorkflowRunListResponse
from .workflow_run_status import WorkflowRunStatus
from .workflow_status import WorkflowStatus
from .workflow_summary import WorkflowSummary
from .workflow_summary_metrics import WorkflowSummaryMetrics
from .workflow_tag import WorkflowTag
from .workflow_trends import WorkflowTrends

__all__ = (
    "Artifact",
    "ArtifactListResponse",
    "CheckoutKey",
    "CheckoutKeyInput",
    "CheckoutKeyInputType",
    "CheckoutKeyListResponse",
    "CheckoutKeyType",
    "Collaboration",
    "Commit",
    "Context",
    "ContextEnvironmentVariable",
    "ContextEnvironmentVariableInput",
    "ContextEnvironmentVariableListResponse",
    "ContextInput",
    "ContextListResponse",
    "ContextOwner",
    "ContextOwnerType",
    "ContextRestriction",
    "ContextRestrictionInput",
    "ContextRestrictionListResponse",
    "ContextRestrictionType",
    "ContinuePipelineParameters",
    "ContinuePipelineParametersParameters",
    "DurationMetrics",
    "EnvironmentVariable",
    "EnvironmentVariableInput",
    "EnvironmentVariableListResponse",
    "ErrorResponse",
    "Executor",
    "FingerprintDigest",
    "GitRef",
    "Job",
    "JobCompletedEvent",
    "JobContext",
    "JobDetails",
    "JobMessage",
    "JobMetrics",
    "JobMetricsItem",
    "JobMetricsListResponse",
    "JobProject",
    "JobRequires",
    "JobStatus",
    "JobType",
    "MessageResponse",
    "OrganizationRef",
    "ParallelRun",
    "Pipeline",
    "PipelineConfig",
    "PipelineCreation",
    "PipelineDefinition",
    "PipelineDefinitionCheckoutSource",
    "PipelineDefinitionConfigSource",
    "PipelineDefinitionListResponse",
    "PipelineDefinitionRepo",
    "PipelineError",
    "PipelineErrorType",
    "PipelineListResponse",
    "PipelineNotCreated",
    "PipelineRef",
    "PipelineState",
    "PipelineTrigger",
    "PipelineTriggerParameters",
    "PipelineTriggerParametersAdditionalPropertyType3",
    "PipelineVcs",
    "Project",
    "ReportingWindow",
    "RequiredJobStatus",
    "RerunWorkflowParameters",
    "RerunWorkflowResponse",
    "TestResult",
    "TestsResponse",
    "TriggerActor",
    "TriggerPipelineParameters",
    "TriggerPipelineParametersParameters",
    "TriggerPipelineRunParameters",
    "TriggerPipelineRunParametersParameters",
    "TriggerType",
    "User",
    "VcsInfo",
    "VcsProvider",
    "WebhookCommit",
    "WebhookJob",
    "WebhookJobStatus",
    "WebhookOrganization",
    "WebhookPerson",
    "WebhookPipeline",
    "WebhookProject",
    "WebhookRef",
    "WebhookTrigger",
    "WebhookTriggerParameters",
    "WebhookVcs",
    "WebhookWorkflow",
    "WebhookWorkflowStatus",
    "Workflow",
    "WorkflowCompletedEvent",
    "WorkflowJobListResponse",
    "WorkflowListResponse",
    "WorkflowMetrics",
    "WorkflowMetricsItem",
    "WorkflowMetricsListResponse",
    "WorkflowRef",
    "WorkflowRun",
    "WorkflowRunListResponse",
    "WorkflowRunStatus",
    "WorkflowStatus",
    "WorkflowSummary",
    "WorkflowSummaryMetrics",
    "WorkflowTag",
    "WorkflowTrends",
)
