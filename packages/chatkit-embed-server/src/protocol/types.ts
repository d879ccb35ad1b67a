/**
 * The ChatKit protocol's wire types, mirroring openai/chatkit-python 1.6.5
 * (`chatkit/types.py`): field names exactly as there. Dates travel as ISO 8601
 * strings; absent optional fields are omitted, as Python's `exclude_none` does.
 *
 * Widgets are typed loosely (`WidgetRoot`): their component catalogue lives in
 * chatkit-python's `widgets.py` and ChatKit.js renders them; the server passes them
 * through unchanged.
 */

export interface Page<T> {
  data: T[];
  has_more: boolean;
  after?: string | null;
}

// ---------- content ----------

export interface InferenceOptions {
  tool_choice?: { id: string } | null;
  model?: string | null;
}

export interface UserMessageTextContent {
  type: 'input_text';
  text: string;
}

export interface UserMessageTagContent {
  type: 'input_tag';
  id: string;
  text: string;
  data: Record<string, unknown>;
  group?: string | null;
  interactive?: boolean;
}

export type UserMessageContent = UserMessageTextContent | UserMessageTagContent;

export interface UserMessageInput {
  content: UserMessageContent[];
  attachments: string[];
  quoted_text?: string | null;
  inference_options: InferenceOptions;
}

export interface SourceBase {
  title: string;
  description?: string | null;
  timestamp?: string | null;
  group?: string | null;
}
export interface URLSource extends SourceBase {
  type: 'url';
  url: string;
  attribution?: string | null;
}
export interface FileSource extends SourceBase {
  type: 'file';
  filename: string;
}
export interface EntitySource extends SourceBase {
  type: 'entity';
  id: string;
  icon?: string | null;
  label?: string | null;
  inline_label?: string | null;
  interactive?: boolean;
  data?: Record<string, unknown>;
}
export type Source = URLSource | FileSource | EntitySource;

export interface Annotation {
  type: 'annotation';
  source: Source;
  index?: number | null;
}

export interface AssistantMessageContent {
  type: 'output_text';
  text: string;
  annotations: Annotation[];
}

// ---------- attachments ----------

export interface AttachmentUploadDescriptor {
  url: string;
  method: 'POST' | 'PUT';
  headers?: Record<string, string>;
}

interface AttachmentBase {
  id: string;
  name: string;
  mime_type: string;
  upload_descriptor?: AttachmentUploadDescriptor | null;
  thread_id?: string | null;
  /** Integration-only; never sent to the client. */
  metadata?: Record<string, unknown> | null;
}
export interface FileAttachment extends AttachmentBase {
  type: 'file';
}
export interface ImageAttachment extends AttachmentBase {
  type: 'image';
  preview_url: string;
}
export type Attachment = FileAttachment | ImageAttachment;

// ---------- workflows and tasks ----------

interface BaseTask {
  status_indicator?: 'none' | 'loading' | 'complete';
}
export interface CustomTask extends BaseTask {
  type: 'custom';
  title?: string | null;
  icon?: string | null;
  content?: string | null;
}
export interface SearchTask extends BaseTask {
  type: 'web_search';
  title?: string | null;
  title_query?: string | null;
  queries?: string[];
  sources?: URLSource[];
}
export interface ThoughtTask extends BaseTask {
  type: 'thought';
  title?: string | null;
  content: string;
}
export interface FileTask extends BaseTask {
  type: 'file';
  title?: string | null;
  sources?: FileSource[];
}
export interface ImageTask extends BaseTask {
  type: 'image';
  title?: string | null;
}
export type Task = CustomTask | SearchTask | ThoughtTask | FileTask | ImageTask;

export type WorkflowSummary = { title: string; icon?: string | null } | { duration: number };

export interface Workflow {
  type: 'custom' | 'reasoning';
  tasks: Task[];
  summary?: WorkflowSummary | null;
  expanded?: boolean;
}

// ---------- widgets ----------

/** A widget tree as chatkit-python's `widgets.py` defines it (`Card`, `ListView`, ...). */
export interface WidgetRoot {
  type: string;
  [field: string]: unknown;
}
export interface WidgetComponent {
  type: string;
  id?: string;
  [field: string]: unknown;
}

export interface Action {
  type: string;
  payload?: unknown;
}

// ---------- threads and items ----------

export type ThreadStatus = { type: 'active' } | { type: 'locked'; reason?: string | null } | { type: 'closed'; reason?: string | null };

export interface ThreadMetadata {
  id: string;
  title?: string | null;
  created_at: string;
  status: ThreadStatus;
  allowed_image_domains?: string[] | null;
  metadata?: Record<string, unknown>;
}

export interface Thread extends ThreadMetadata {
  items: Page<ThreadItem>;
}

interface ThreadItemBase {
  id: string;
  thread_id: string;
  created_at: string;
}

export interface UserMessageItem extends ThreadItemBase {
  type: 'user_message';
  content: UserMessageContent[];
  attachments: Attachment[];
  quoted_text?: string | null;
  inference_options: InferenceOptions;
}
export interface AssistantMessageItem extends ThreadItemBase {
  type: 'assistant_message';
  content: AssistantMessageContent[];
}
export interface ClientToolCallItem extends ThreadItemBase {
  type: 'client_tool_call';
  status: 'pending' | 'completed';
  call_id: string;
  name: string;
  arguments: Record<string, unknown>;
  output?: unknown;
}
export interface WidgetItem extends ThreadItemBase {
  type: 'widget';
  widget: WidgetRoot;
  copy_text?: string | null;
}
export interface GeneratedImage {
  id: string;
  url: string;
}
export interface GeneratedImageItem extends ThreadItemBase {
  type: 'generated_image';
  image?: GeneratedImage | null;
}
export interface StructuredInputAnswer {
  values: string[];
  skipped?: boolean;
}
interface StructuredInputBase {
  id: string;
  question: string;
  answer?: StructuredInputAnswer | null;
}
export interface StructuredInputMultipleChoice extends StructuredInputBase {
  type: 'multiple_choice';
  options: Array<{ value: string }>;
  multiple?: boolean;
}
export interface StructuredInputFreeform extends StructuredInputBase {
  type: 'freeform';
  description?: string | null;
}
export type StructuredInput = StructuredInputMultipleChoice | StructuredInputFreeform;
export interface StructuredInputItem extends ThreadItemBase {
  type: 'structured_input';
  status: 'pending' | 'answered' | 'skipped';
  inputs: StructuredInput[];
}
export interface TaskItem extends ThreadItemBase {
  type: 'task';
  task: Task;
}
export interface WorkflowItem extends ThreadItemBase {
  type: 'workflow';
  workflow: Workflow;
}
export interface EndOfTurnItem extends ThreadItemBase {
  type: 'end_of_turn';
}
/** Never sent to the client: context the server keeps in the thread for itself. */
export interface HiddenContextItem extends ThreadItemBase {
  type: 'hidden_context_item';
  content: unknown;
}
export interface SDKHiddenContextItem extends ThreadItemBase {
  type: 'sdk_hidden_context';
  content: string;
}

export type ThreadItem =
  | UserMessageItem
  | AssistantMessageItem
  | ClientToolCallItem
  | WidgetItem
  | GeneratedImageItem
  | StructuredInputItem
  | WorkflowItem
  | TaskItem
  | HiddenContextItem
  | SDKHiddenContextItem
  | EndOfTurnItem;

// ---------- item updates ----------

export type ThreadItemUpdate =
  | { type: 'assistant_message.content_part.added'; content_index: number; content: AssistantMessageContent }
  | { type: 'assistant_message.content_part.text_delta'; content_index: number; delta: string }
  | {
      type: 'assistant_message.content_part.annotation_added';
      content_index: number;
      annotation_index: number;
      annotation: Annotation;
    }
  | { type: 'assistant_message.content_part.done'; content_index: number; content: AssistantMessageContent }
  | { type: 'widget.streaming_text.value_delta'; component_id: string; delta: string; done: boolean }
  | { type: 'widget.component.updated'; component_id: string; component: WidgetComponent }
  | { type: 'widget.root.updated'; widget: WidgetRoot }
  | { type: 'workflow.task.added'; task_index: number; task: Task }
  | { type: 'workflow.task.updated'; task_index: number; task: Task }
  | { type: 'generated_image.updated'; image: GeneratedImage; progress?: number | null };

// ---------- stream events ----------

export type ThreadStreamEvent =
  | { type: 'thread.created'; thread: Thread }
  | { type: 'thread.updated'; thread: Thread }
  | { type: 'thread.item.added'; item: ThreadItem }
  | { type: 'thread.item.updated'; item_id: string; update: ThreadItemUpdate }
  | { type: 'thread.item.done'; item: ThreadItem }
  | { type: 'thread.item.removed'; item_id: string }
  | { type: 'thread.item.replaced'; item: ThreadItem }
  | { type: 'stream_options'; stream_options: { allow_cancel: boolean } }
  | { type: 'progress_update'; icon?: string | null; text: string }
  | { type: 'client_effect'; name: string; data: Record<string, unknown> }
  | { type: 'error'; code: string; message?: string | null; allow_retry: boolean }
  | { type: 'notice'; level: 'info' | 'warning' | 'danger'; message: string; title?: string | null };

export interface SyncCustomActionResponse {
  updated_item?: ThreadItem | null;
}

export interface TranscriptionResult {
  text: string;
}

/** Error codes of `error` stream events; `stream.error` is ChatKit's generic one. */
export const STREAM_ERROR = 'stream.error';
