// Derived from contracts/**/*.schema.json by `npm run generate`. Do not edit: edit the schemas.

/**
 * Unique event instance id. Can be used to keep track of handled events as well as troubleshooting.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachId".
 */
export type EnreachId = string;
/**
 * Timestamp when event was initially instantiated (i.e. when the event happened). UTC; the reference examples add a Z, the intro example does not.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachTimestamp".
 */
export type EnreachTimestamp = string;
/**
 * Root entity type event relates to. Undefined: value for backwards-compatibility if new types are introduced later; Organization: currently all events belong to this root entity.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachRootEntityType".
 */
export type EnreachRootEntityType = "Undefined" | "Organization";
/**
 * Id of root entity.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachRootEntityId".
 */
export type EnreachRootEntityId = string;
/**
 * Main entity type event relates to. Undefined: backwards-compatibility value; User: normal end-user; Queue: service pool, i.e. a single queue handling service calls; CallList: call list handling call-back requests and outbound calling.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachEntityType".
 */
export type EnreachEntityType = "Undefined" | "User" | "Queue" | "CallList";
/**
 * Id of main entity.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachEntityId".
 */
export type EnreachEntityId = string;
/**
 * Name of event (same as the X-Benemen-Event header). Each event schema narrows it to a const.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachEventType".
 */
export type EnreachEventType = string;
/**
 * Message time-to-live in seconds; -1 in most examples. Not listed in the doc's common-property table, but present in every reference example.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachMessageTTLSeconds".
 */
export type EnreachMessageTTLSeconds = number;
/**
 * Incoming call. Current target is service or technical queue. Allocated to an agent.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInUserAllocatedEvent".
 */
export type EnreachQueueCallInUserAllocatedEvent =
  | {
      UserName: unknown;
      LegId: unknown;
      DetailedReason: unknown;
      MessageTTLSeconds: unknown;
    }
  | {
      Username: unknown;
    };
/**
 * mluvii.ApiModels ClientAVSupport.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiClientAVSupport".
 */
export type MluviiClientAVSupport = "WEB_RTC" | "FLASH_ONLY" | "NONE";
/**
 * mluvii.ApiModels DeliveryState.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiDeliveryState".
 */
export type MluviiDeliveryState = "Sent" | "SendingFailed" | "DeliveryFailed" | "Delivered" | "Read";
/**
 * mluvii.ApiModels DialNumberState.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiDialNumberState".
 */
export type MluviiDialNumberState =
  | "DIALING"
  | "ANSWERED"
  | "RINGING"
  | "FAILED"
  | "NO_ANSWER"
  | "BLACKLISTED"
  | "REJECTED"
  | "INVALID_NUMBER"
  | "UNREACHABLE"
  | "CANCELLED_BY_USER";
/**
 * mluvii.ApiModels FeedbackScale.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiFeedbackScale".
 */
export type MluviiFeedbackScale = "Likert" | "NPS";
/**
 * mluvii.ApiModels GlobalRole.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGlobalRole".
 */
export type MluviiGlobalRole =
  "Admin" | "CompanyAdmin" | "Wallboard" | "CompanyOperatorMetricsView" | "CompanyStatistics";
/**
 * mluvii.ApiModels GuestBrowserType.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGuestBrowserType".
 */
export type MluviiGuestBrowserType =
  | "OTHER"
  | "IE_LOW"
  | "IE_8"
  | "IE_9"
  | "IE_10"
  | "IE_11"
  | "IE_HI"
  | "CHROME"
  | "OPERA"
  | "FF"
  | "SAFARI"
  | "EDGE"
  | "CHROMIUM_EDGE";
/**
 * mluvii.ApiModels GuestLeftSessionInState.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGuestLeftSessionInState".
 */
export type MluviiGuestLeftSessionInState =
  "LeftQueue" | "LeftSession" | "LeftAfterSession" | "StillConnected" | "LeftBeforeQueue";
/**
 * mluvii.ApiModels GuestOSType.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGuestOSType".
 */
export type MluviiGuestOSType = "OTHER" | "WINDOWS" | "OSX" | "LINUX" | "ANDROID" | "IOS";
/**
 * mluvii.ApiModels SessionRecordingType.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionRecordingType".
 */
export type MluviiSessionRecordingType = "Other" | "Operator" | "Guest" | "AllParticipants" | "ScreenSharing";
/**
 * mluvii.ApiModels SessionRecordingsState.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionRecordingsState".
 */
export type MluviiSessionRecordingsState = "Processed" | "FailedToProcess" | "Processing";
/**
 * mluvii.ApiModels SessionStatus.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionStatus".
 */
export type MluviiSessionStatus =
  "CREATED" | "IN_QUEUE" | "WAITING" | "ACTIVE" | "ACW" | "BCW" | "CLOSED" | "BLACKLISTED";
/**
 * `type` of a generic SessionActivity* payload (mluvii.ApiModels SessionActivityType). The webhook event name is `SessionActivity` + this value, except `AvGetMediaResult` (event SessionActivityAvMediaResult, not generic). PhotoRequest, Location, HeroCardQuickReply, LocationRequest, AvGetMediaResult, NotifyOperator, UpgradeToFull, Handoff, Joined and Left have no webhook event of their own. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityType".
 */
export type MluviiSessionActivityType =
  | "ChatMessage"
  | "SharedFile"
  | "SharedScreen"
  | "PhotoRequest"
  | "CobrowsingStarted"
  | "CobrowsingStoppedByGuest"
  | "ScreenSharingFailedByGuest"
  | "FileUploadFailed"
  | "HeroCard"
  | "HeroCardSubmission"
  | "ChatbotMessage"
  | "CallScript"
  | "CallScriptSubmission"
  | "WelcomeMessage"
  | "LastFarewellMessage"
  | "PreviewUrl"
  | "Location"
  | "HeroCardQuickReply"
  | "LocationRequest"
  | "ExternalMessage"
  | "OnHold"
  | "ResumeGuest"
  | "AvRequest"
  | "AvResponse"
  | "AvGetMediaResult"
  | "AvTerminated"
  | "ChatToMail"
  | "AutoActivity"
  | "ChatbotHeroCardSubmission"
  | "AutoActivityAsOperator"
  | "NotifyOperator"
  | "UpgradeToFull"
  | "SessionEnded"
  | "SessionForwarded"
  | "OperatorInvited"
  | "OperatorInviteCanceled"
  | "OperatorInviteRejected"
  | "OperatorKicked"
  | "Handoff"
  | "Joined"
  | "Left";
/**
 * Who produced the activity (mluvii.ApiModels ClientType). The doc names subsets per event (HeroCard: User or Chatbot; SharedScreen: Guest or User) and, for PreviewUrl, lowercase spellings; the wire (examples) uses these capitalised names. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiClientType".
 */
export type MluviiClientType = "User" | "Guest" | "Chatbot";
/**
 * State of an A/V request (mluvii.ApiModels SessionAVRequestState), used by SessionActivityAvResponse.response. The EN enum table lists Requested, Accepted, RejectedUser, RejectedNoMic; the CS text says the response is "Accepted" or "RejectedUser"; the models add None and RejectedShitBrowser. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionAVRequestState".
 */
export type MluviiSessionAVRequestState =
  "None" | "Requested" | "Accepted" | "RejectedUser" | "RejectedShitBrowser" | "RejectedNoMic";
/**
 * Result of acquiring the guest's media devices (mluvii.ApiModels GetMediaResult), used by SessionActivityAvMediaResult.result. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGetMediaResult".
 */
export type MluviiGetMediaResult = "Success" | "NoCameraOnlyMic" | "NoDevices" | "UserDenied";
/**
 * Input type of a HeroCard / CallScript form item (mluvii.ApiModels FormFieldInputType). The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiFormFieldInputType".
 */
export type MluviiFormFieldInputType =
  | "Text"
  | "Email"
  | "Phone"
  | "Number"
  | "TextArea"
  | "RichText"
  | "Radio"
  | "Select"
  | "Image"
  | "Video"
  | "Document"
  | "Gdpr"
  | "Confirmation"
  | "Submit"
  | "Identification"
  | "TimePicker"
  | "ListPicker"
  | "QuickReply"
  | "Stars"
  | "Smiles"
  | "Thumbs"
  | "Feedback"
  | "Transcript"
  | "NPSScale"
  | "FileUpload"
  | "PaymentRequest";
/**
 * Result of a HeroCard submission (mluvii.ApiModels HeroCardSubmissionResult). The doc's table shows `submitted` (lowercase) and its text says `canceled`; the wire and the models use `Submitted` and `Cancelled` (double l). The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiHeroCardSubmissionResult".
 */
export type MluviiHeroCardSubmissionResult = "Submitted" | "Cancelled";
/**
 * Why a session ended (mluvii.ApiModels SessionTerminationReason, 16 members). The doc's table lists only GuestLeft, OperatorLeft, ChatbotLeft. `UnknownReason` is a real member of this enum (this enum has no UNKNOWN fallback).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionTerminationReason".
 */
export type MluviiSessionTerminationReason =
  | "UnknownReason"
  | "GuestLeft"
  | "OperatorLeft"
  | "ChatbotLeft"
  | "GuestAbandoned"
  | "OperatorAbandoned"
  | "ExternalPartyLeft"
  | "CampaignFailedDial"
  | "CampaignTerminated"
  | "CallForwardedToExternalPhone"
  | "OperatorWithoutExtension"
  | "ForwardToExternalPhoneFailed"
  | "FailedRouting"
  | "ExternalSessionExpired"
  | "SessionApiCall"
  | "SingleUseSession";
/**
 * Session channel (mluvii.ApiModels SessionChannel): AV = audio/video, Chat = text, Phone = phone call. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionChannel".
 */
export type MluviiSessionChannel = "Chat" | "AV" | "Phone";
/**
 * Session source (mluvii.ApiModels SessionSource). The doc's table lists 11 values; the models add ChatInvitation and GenericChannel. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionSource".
 */
export type MluviiSessionSource =
  | "Default"
  | "Callback"
  | "Invitation"
  | "ChatInvitation"
  | "IncomingCall"
  | "OutgoingCall"
  | "Campaign"
  | "API"
  | "Facebook"
  | "WhatsApp"
  | "VK"
  | "Apple"
  | "GenericChannel";
/**
 * Operator status (mluvii.ApiModels UserSimplifiedStatus), UserStatusChanged.status. The doc's table lists OFFLINE, ONLINE, AWAY; the models add BUSY. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiUserSimplifiedStatus".
 */
export type MluviiUserSimplifiedStatus = "OFFLINE" | "ONLINE" | "BUSY" | "AWAY";
/**
 * Operator availability status (mluvii.ApiModels UserAvailabilityStatus), UserStatusChanged.availabilityStatus: DEFAULT = online, AWAY, ON_CALL = A/V or phone call. The vendor enum's `UNKNOWN` member is left out on purpose: it is only the deserialization fallback of mluvii's client library (unknown strings map to UNKNOWN on the receiving side), never a value mluvii sends.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiUserAvailabilityStatus".
 */
export type MluviiUserAvailabilityStatus = "DEFAULT" | "AWAY" | "ON_CALL";

/**
 * A user attached to a service queue (element of QueueAttachedUsers.AttachedUsers).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueAttachedUser".
 */
export interface EnreachQueueAttachedUser {
  /**
   * Attached UserId
   */
  UserId: string;
  /**
   * If the user is active in queue
   */
  Active: boolean;
  /**
   * User's priority in queue
   */
  Priority: number;
}
/**
 * DTO for QueueGroup (element of QueueChanged.QueueGroups).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueGroup".
 */
export interface EnreachQueueGroup {
  /**
   * Id of the group
   */
  Id: string | null;
  /**
   * Name of the group
   */
  Name: string | null;
  /**
   * Description of the group
   */
  Description: string | null;
}
/**
 * Element of QueueCallInSmartRoutingResult.Targets.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachSmartRoutingTarget".
 */
export interface EnreachSmartRoutingTarget {}
/**
 * Helper for CallbackAttempt transportation (element of CallbackChanged.CallbackAttempts).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackAttempt".
 */
export interface EnreachCallbackAttempt {
  /**
   * Attempt id
   */
  Id: string;
  /**
   * UserId attempt relates to
   */
  UserId: string | null;
  /**
   * Attempt timestamp
   */
  Timestamp: string | null;
  /**
   * Attempt result type
   */
  CallbackAttemptTypeId: number | null;
  /**
   * User-provided note
   */
  Note: string | null;
  /**
   * Recording id in the case the attempt was recorded
   */
  RecordingId: string | null;
  /**
   * Call id in a case there is a call associated with the attempt
   */
  CallId: string | null;
}
/**
 * Helper for CallBackExtraData transportation (element of CallbackChanged.CallbackExtras).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackExtra".
 */
export interface EnreachCallbackExtra {
  /**
   * Property name (the doc's wording; typed int)
   */
  Id: number;
  /**
   * Property name
   */
  Name: string | null;
  /**
   * Property value
   */
  Value: string | null;
}
/**
 * Helper for CallbackRelatedItem transportation (element of CallbackChanged.CallbackRelatedItems).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackRelatedItem".
 */
export interface EnreachCallbackRelatedItem {
  /**
   * Related request id
   */
  Id: string;
  /**
   * Related request list id
   */
  ListId: string | null;
  /**
   * IsClosed : if the related request is already closed
   */
  IsClosed: boolean;
  /**
   * StatusId : Raw status id for the last Attempt
   */
  StatusId: number | null;
}
/**
 * One webhook endpoint and the event subscriptions bound to it, as in the doc's "Sample configuration for one endpoint with two events". Configuration is managed by Enreach support only (there is no registration API).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachConfig".
 */
export interface EnreachConfig {
  /**
   * Webhook-receiving HTTPS endpoint.
   */
  Webhook: {
    /**
     * Full URL to endpoint, e.g. https://my.integration.com/webhook/. One URL per endpoint; HTTPS on port 443 only.
     */
    Endpoint: string;
    /**
     * Enable self-signed SSL certificates (see SSL verification).
     */
    InsecureSSL?: boolean;
    /**
     * Secret string included in HTTP calls as the X-Benemen-Token header, verbatim.
     */
    Secret?: string;
    /**
     * Description for the webhook (freeform).
     */
    Description?: string;
    /**
     * Timeout for the webhook request. Defaults to 5 seconds if not configured.
     */
    TimeoutSeconds?: number;
  };
  /**
   * Event subscriptions bound to the endpoint.
   */
  Subscriptions: (
    | {
        EntityId: unknown;
      }
    | {
        SecurityGroupId: unknown;
      }
    | {
        AllEntities: true;
      }
  )[];
}
/**
 * Callback list call, recording converted.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackCallInRecordingConvertedEvent".
 */
export interface EnreachCallbackCallInRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackCallInRecordingConverted";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Transcript created for callback request related call. Applies for both message left by the caller (IncomingCallListCall) and the callback call made by agent to the original caller (OutgoingCallListCall).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackCallTranscribedEvent".
 */
export interface EnreachCallbackCallTranscribedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackCallTranscribed";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of callback list responsible for recording.
   */
  CallListId: string;
  /**
   * Id of callback request responsible for recording.
   */
  CallBackId: string;
  /**
   * Optional connected UserId of the agent
   */
  UserId: string | null;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Id of the created transcript
   */
  TranscriptId: string;
  /**
   * Id of the original recording
   */
  RecordingId: string;
  /**
   * Duration of the transcript in milliseconds
   */
  DurationMillis: number;
  /**
   * Original recording type. IncomingCallListCall/OutgoingCallListCall (Open set; the example also shows "Unknown".)
   */
  TranscribeRecordingType: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Produced when a callback request changes (is created, updated, closed etc).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackChangedEvent".
 */
export interface EnreachCallbackChangedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackChanged";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Modified date
   */
  Modified: string;
  /**
   * Id of user the callback is currently assigned
   */
  AssignedUserId: string | null;
  /**
   * Id of user that made the last attempt
   */
  LastAttemptUserId: string | null;
  /**
   * Id of user that made the last change, null if new or admin
   */
  LastModifiedUserId: string | null;
  /**
   * Id of the last attempt's type
   */
  LastAttemptTypeId: number | null;
  /**
   * Contact name (usually empty)
   */
  ContactName: string | null;
  /**
   * Contact number that is supposed to be called
   */
  ContactNumber: string | null;
  /**
   * Any message left by the contact (usually empty)
   */
  ContactMessage: string | null;
  /**
   * Internal notes on the case
   */
  Note: string | null;
  /**
   * Guid of the responsible service queue or IVR queue, if any came in through
   */
  QueueId: string | null;
  /**
   * Name of the channel (usually service pool) the request came in through
   */
  ChannelIn: string | null;
  /**
   * WHen the request was initially created
   */
  CreationTime: string;
  /**
   * Whether the request was created, or updated if not created
   */
  Created: boolean;
  /**
   * Whether the request is closed
   */
  IsClosed: boolean;
  /**
   * Id of the corresponding audio recording (if any)
   */
  RecordingId: string | null;
  /**
   * Type identifier. 1 - Explicit callback request 2 - Overflown call 3 - Call list item created manually
   */
  TypeId: number;
  /**
   * When the case is due to be handled
   */
  DueDate: string | null;
  /**
   * The id of the original call that prompted the creation of this request
   */
  CallId: string | null;
  /**
   * Id of the transcript created from the recording
   */
  TranscriptId: string | null;
  /**
   * If the case has been classified, id of the classification entry
   */
  ClassificationId: string | null;
  /**
   * The date when the case automatically expires if not closed before it
   */
  ExpiryDate: string | null;
  /**
   * Timestamp of the latest handling attempt
   */
  LastAttemptTimestamp: string | null;
  /**
   * Note on the latest handling attempt
   */
  LastAttemptNote: string | null;
  /**
   * Calculated priority
   */
  CalculatedPriority: string | null;
  /**
   * Date before which the case should not be handled
   */
  NotBefore: string | null;
  /**
   * History of all handling attempts
   */
  CallbackAttempts: EnreachCallbackAttempt[] | null;
  /**
   * Extra name-value fields
   */
  CallbackExtras: EnreachCallbackExtra[] | null;
  /**
   * List of cases related to this case
   */
  CallbackRelatedItems: EnreachCallbackRelatedItem[] | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Emitted with the latest status of each call list, if the status changed. Status changes are evaluated every 15 seconds. Can be used to construct alerts based on open items, automagically assign more agents to the lists or just simple dashboards.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackListStatusEvent".
 */
export interface EnreachCallbackListStatusEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackListStatus";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Corresponding list id
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * If the CallbackList is AutoAllocate list
   */
  IsAutoAllocate: boolean;
  /**
   * Total number open unhandled requests
   */
  TotalOpenRequests: number;
  /**
   * Total number of requests that can be allocated
   */
  TotalFreeForAllocation: number;
  /**
   * Total number of requests that are currently assigned to an agent
   */
  TotalAssigned: number;
  /**
   * Total number of requests that are not allocable due NotBefore has not elapsed
   */
  TotalHidingNotBefore: number;
  /**
   * Total number of requests that will be allocable during next hour
   */
  NextHourRevealedNotBefore: number;
  /**
   * Total number of requests that are already over DueDate
   */
  TotalOverDueDate: number;
  /**
   * Total number of requests that will be past DueDate during next hour
   */
  NextHourOverDueDate: number;
  /**
   * Total "Active" ("checked" in the list, not necessary serving) agents in the queue.
   */
  TotalActiveAgents: number;
  /**
   * Total number of Agents "Active" and "Serving_CallbackLists"
   */
  TotalAutoAllocateAgents: number;
  /**
   * Total number of agents having "Serving_CallbackLists" = 1
   */
  TotalServingAgents: number;
  /**
   * Total immediately AutoAllocable agents. Agent must be "Active" and "Serving_CallbackLists", and the list must be "IsAutoAllocate" NOTE: Does not (at least YET) consider if agent already has an active allocated request, so a bit duplicate of TotalAutoAllocateAgents for now
   */
  TotalServingAutoAllocateAgents: number;
  /**
   * Number of requests that will expire today
   */
  ExpiresIn24h: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Outgoing callback list call initiated by a user is connected to the user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutConnectedEvent".
 */
export interface EnreachCallbackUserCallOutConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutConnected";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing callback list call initiated by a user is disconnected from the user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutDisconnectedEvent".
 */
export interface EnreachCallbackUserCallOutDisconnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutDisconnected";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Reason for the disconnect. 'remote' or 'local' Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Technical reason (e.g SIP cause code) for the disconnect.
   */
  TechReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing callback list call initiated by a user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutGoingEvent".
 */
export interface EnreachCallbackUserCallOutGoingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutGoing";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Optional call as number
   */
  CallAsNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call is off hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutHoldEndEvent".
 */
export interface EnreachCallbackUserCallOutHoldEndEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutHoldEnd";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call is on hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutHoldStartEvent".
 */
export interface EnreachCallbackUserCallOutHoldStartEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutHoldStart";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call from user in the name of a callback list, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallOutRecordingConvertedEvent".
 */
export interface EnreachCallbackUserCallOutRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallOutRecordingConverted";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId for the user who made the callout
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call for user in the name of a callback list recorded
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachCallbackUserCallRecordedEvent".
 */
export interface EnreachCallbackUserCallRecordedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "CallbackUserCallRecorded";
  EntityType: EnreachEntityType & "CallList";
  EntityId: EnreachEntityId;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Path to the recorded file
   */
  RecordedFilePath: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Event sent periodically by Controller if the status/list of attached users to the queue has changed since the last event.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueAttachedUsersEvent".
 */
export interface EnreachQueueAttachedUsersEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueAttachedUsers";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of the service queue.
   */
  QueueId: string;
  /**
   * Id of the related organization.
   */
  OrganizationId: string;
  /**
   * List of the attached users
   */
  AttachedUsers: EnreachQueueAttachedUser[] | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Blocking prompt started. Current target is service or technical queue.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallBlockingPromptStartedEvent".
 */
export interface EnreachQueueCallBlockingPromptStartedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallBlockingPromptStarted";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the last service queue the call has visited, or if none then the latest technical queue.
   */
  QueueId: string;
  /**
   * Technical queue id doing the prompt playing, might be different from QueueId.
   */
  TechQueueId: string | null;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Current playing Applet name.
   */
  PlayApplet: string | null;
  /**
   * Reason for playing the prompt: e.g "MandatoryEnter"
   */
  Reason: string | null;
  /**
   * Prompt usage or id, or SAY: when using say command. E.g. "PRO_Enter"
   */
  PromptDetail: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call was accepted into service queue.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInArrivedEvent".
 */
export interface EnreachQueueCallInArrivedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInArrived";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of allocating service queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of allocating service queue.
   */
  QueueName: string | null;
  /**
   * Number of allocating service queue
   */
  QueueNumber: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Produced when a callback request is created (by Controller).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInCallbackCreatedEvent".
 */
export interface EnreachQueueCallInCallbackCreatedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInCallbackCreated";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of the queue the callback is originating from
   */
  QueueId: string;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * The id of the original call that prompted the creation of this request
   */
  CallId: string | null;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Optional RecordingId if one exists
   */
  RecordingId: string | null;
  /**
   * Contact number that is supposed to be called to
   */
  ContactNumber: string | null;
  /**
   * Original target number that was called
   */
  TargetNumber: string | null;
  /**
   * ContactMessage, e.g configured in service queue
   */
  ContactMessage: string | null;
  /**
   * When the request was initially created
   */
  CreationTime: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * New incoming call to service or technical queue entered Controller.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInComingEvent".
 */
export interface EnreachQueueCallInComingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInComing";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of service queue
   */
  QueueId: string;
  /**
   * Id of related organization
   */
  OrganizationId: string;
  /**
   * Name of target service or technical queue
   */
  QueueName: string | null;
  /**
   * Number of target service or technical queue
   */
  QueueNumber: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call was disconnected, the current owner (original target might have been e.g. agent) is service or technical queue.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInDisconnectedEvent".
 */
export interface EnreachQueueCallInDisconnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInDisconnected";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the last service queue the call has visited, or if none then the latest technical queue.
   */
  QueueId: string;
  /**
   * Id of related organization
   */
  OrganizationId: string;
  /**
   * Name of last service queue the call has visited.
   */
  QueueName: string | null;
  /**
   * Reason for the disconnect. 'remote' or 'local' Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Id of then current technical queue, may be different to the service queue.
   */
  TechQueueId: string | null;
  /**
   * Informative technical local reason for the disconnect. E.g "busy_on_busy", "ivr_menu_failure" etc.
   */
  TechReason: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the queue's incoming call is off hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInHoldEndEvent".
 */
export interface EnreachQueueCallInHoldEndEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInHoldEnd";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the queue's incoming call is on hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInHoldStartEvent".
 */
export interface EnreachQueueCallInHoldStartEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInHoldStart";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Event send when caller selects an option in IVR
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInIvrSelectionEvent".
 */
export interface EnreachQueueCallInIvrSelectionEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInIvrSelection";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Queue Id
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  /**
   * The reason for overflow
   */
  EnteredValue: string | null;
  /**
   * Optional more detailed reason if any
   */
  DetailedReason: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current handler is service or technical queue. This is generic event sent when then call overflows to the next routing point.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInOverflowEvent".
 */
export interface EnreachQueueCallInOverflowEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInOverflow";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the last service queue the call has visited, or if none then the latest technical queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of the service queue.
   */
  QueueName: string | null;
  /**
   * Id of then current technical queue, may be different to the service queue.
   */
  TechQueueId: string;
  /**
   * Name of the current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Technical name of the current applet.
   */
  OverflowApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Technical source number if any.
   */
  TechNumber: string | null;
  /**
   * Technical event name.
   */
  TechEvent: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  /**
   * Overflow reason description, values like: NoAvailableProviders, QueueFull, UserActivelyDeclined ...
   */
  OverflowReason: string | null;
  /**
   * Overflow type, large set values like: AdHoc_1, ServiceOpen, QueueHandler, QueueOverflowDefault, UserTransferAll, ActPreEnter, TerminationHandling
   */
  OverflowType: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Recording started.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInRecordingEvent".
 */
export interface EnreachQueueCallInRecordingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInRecording";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of service queue responsible for recording.
   */
  QueueId: string;
  /**
   * The UseId of the agent
   */
  AllocatedUserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Reason for the recording, "servicequeue"
   */
  Reason: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Queue closed by ServiceOpen, AdHoc_ etc. schedules
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInScheduleClosedEvent".
 */
export interface EnreachQueueCallInScheduleClosedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInScheduleClosed";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Queue Id
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Technical name of the current applet.
   */
  OverflowApplet: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  /**
   * The reason for overflow
   */
  OverflowReason: string | null;
  /**
   * Optional more detailed reason if any
   */
  DetailedReason: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. External SmartRouting query results.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInSmartRoutingResultEvent".
 */
export interface EnreachQueueCallInSmartRoutingResultEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInSmartRoutingResult";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of service queue
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Result for the SmartRouting operation. OK, NOT_FOUND, FAILED Known values: OK, NOT_FOUND, FAILED.
   */
  Result: string | null;
  /**
   * Detailed reason for error cases. <empty>, CONVERSION_ERROR or reason string from the remote service
   */
  DetailedReason: string | null;
  /**
   * SmartRouting response targets
   */
  Targets: EnreachSmartRoutingTarget[] | null;
  /**
   * SmartRouting response Priority
   */
  Priority: number | null;
  /**
   * SmartRouting response ExtraPriority
   */
  ExtraPriority: number | null;
  /**
   * Optional SmartRouting response extra data as dictionary
   */
  ExtraData: {} | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is service or technical queue. Transferring the call forward was cancelled.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInTransferCancelledEvent".
 */
export interface EnreachQueueCallInTransferCancelledEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInTransferCancelled";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of transferring service queue.
   */
  QueueId: string;
  /**
   * Id of related organization
   */
  OrganizationId: string;
  /**
   * Name of transferring service queue.
   */
  QueueName: string | null;
  /**
   * Id of current technical queue, may differ from QueueId.
   */
  TechQueueId: string;
  /**
   * Name of current transferring technical queue.
   */
  TechQueueName: string | null;
  /**
   * Current transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Cancellation reason.
   */
  Reason: string | null;
  /**
   * Detailed cancellation reason.
   */
  DetailedReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is service or technical queue. Transferring the call forward was connected.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInTransferConnectedEvent".
 */
export interface EnreachQueueCallInTransferConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInTransferConnected";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of transferring queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of transferring service queue
   */
  QueueName: string | null;
  /**
   * Transfer target. Guid or phone number.
   */
  ConnectedTarget: string | null;
  /**
   * Id of current technical queue. May differ from QueueId.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is service or technical queue. Transferring the call forward was started.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInTransferStartedEvent".
 */
export interface EnreachQueueCallInTransferStartedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInTransferStarted";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of transferring queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of transferring queue.
   */
  QueueName: string | null;
  /**
   * Transfer target. Guid or phone number.
   */
  TransferTarget: string | null;
  /**
   * Transfer source.
   */
  TransferSource: string | null;
  /**
   * Id of current technical queue. May differ from QueueId.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechType: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is service or technical queue. Allocation to agent was cancelled.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInUserCancelledEvent".
 */
export interface EnreachQueueCallInUserCancelledEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInUserCancelled";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of allocating queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of allocating service queue.
   */
  QueueName: string | null;
  /**
   * Number of allocating service queue.
   */
  QueueNumber: string | null;
  /**
   * Id of cancelling user.
   */
  UserId: string;
  /**
   * Username of cancelling user.
   */
  UserName: string | null;
  /**
   * Cancellation reason. 'local' or 'remote'. Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Detailed cancellation reason.
   */
  DetailedReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is service or technical queue. Answered by an agent.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallInUserConnectedEvent".
 */
export interface EnreachQueueCallInUserConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallInUserConnected";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of core call leg event relates to.
   */
  AgentLegId: string | null;
  /**
   * Id of allocating queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of allocating service queue.
   */
  QueueName: string | null;
  /**
   * Number of allocating service queue.
   */
  QueueNumber: string | null;
  /**
   * Id of connected user.
   */
  UserId: string;
  /**
   * Username of connected user.
   */
  UserName: string | null;
  /**
   * Connected target number.
   */
  UserNumber: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Transcript created for incoming or outgoing queue call.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueCallTranscribedEvent".
 */
export interface EnreachQueueCallTranscribedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueCallTranscribed";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of service queue responsible for recording.
   */
  QueueId: string;
  /**
   * The UserId of the agent
   */
  AllocatedUserId: string | null;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Id of the created transcript
   */
  TranscriptId: string;
  /**
   * Id of the original recording
   */
  RecordingId: string;
  /**
   * Duration of the transcript in milliseconds
   */
  DurationMillis: number;
  /**
   * Original recording type. IncomingQueueCall/OutgoingQueueCall (Open set; the example also shows "Unknown".)
   */
  TranscribeRecordingType: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Service queue changed message.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueChangedEvent".
 */
export interface EnreachQueueChangedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueChanged";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of service queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of service queue.
   */
  QueueName: string | null;
  /**
   * Queue type id, technical
   */
  TypeId: number | null;
  /**
   * Used queue template id
   */
  TemplateId: string | null;
  /**
   * Whether agent priorities are used in the queue when allocating calls
   */
  UsePriorities: boolean;
  /**
   * Age bonus applied to incoming calls to the queue. This enables prioritizing calls to specific queues by making them appear "older" than they actually are. The value ranges from 0 to 10k
   */
  CallAgeBonus: number | null;
  /**
   * Queue region for time zone handling
   */
  Region: string | null;
  /**
   * Queue culture for localization
   */
  Culture: string | null;
  /**
   * Phone numbers attached to the queue
   */
  Numbers: (string | null)[] | null;
  /**
   * List of groups attached to the queue
   */
  QueueGroups: EnreachQueueGroup[] | null;
  /**
   * Was service queue created.
   */
  Created: boolean;
  /**
   * Was service queue updated.
   */
  Updated: boolean;
  /**
   * Was service queue deleted.
   */
  Deleted: boolean;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Service queue call metrics, contains various metrics reagrding queue calls from a single date.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueDailyCallMetricsEvent".
 */
export interface EnreachQueueDailyCallMetricsEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueDailyCallMetrics";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of service queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of service queue.
   */
  QueueName: string | null;
  /**
   * Date of the metrics on timezone of the queue in format YYYY-MM-DD.
   */
  QueueDate: string | null;
  /**
   * Total number inbound queue calls.
   */
  InboundTotalCalls: number;
  /**
   * Total number of inbound calls that arrived when queue was closed.
   */
  InboundServiceClosedCalls: number;
  /**
   * Total number of inbound calls that were answered by an agent.
   */
  InboundAnsweredCalls: number;
  /**
   * Total number of inbound calls that were rejected by the queue.
   */
  InboundRejectedCalls: number;
  /**
   * Total number of inbound calls that were transferred by the user.
   */
  InboundUserTransfers: number;
  /**
   * Total number of inbound calls that were transferred by the queue.
   */
  InboundQueueTransfers: number;
  /**
   * Average wait time for inbound calls in seconds. Only time when call was allocateable is included (MandatoryEnter message is exluded)
   */
  InboundAvgWaitTimeSec: number;
  /**
   * Average talk time for inbound calls in seconds.
   */
  InboundAvgTalkTimeSec: number;
  /**
   * Average hold time for inbound calls in seconds.
   */
  InboundAvgHoldTimeSec: number;
  /**
   * Service level percentage for inbound calls, if configured.
   */
  InboundServiceLevelPercentage: number;
  /**
   * Total number of outbound queue calls.
   */
  OutboundTotalCalls: number;
  /**
   * Total number of outbound queue calls that were answered by the callee.
   */
  OutboundAnsweredCalls: number;
  /**
   * Total number of outbound queue calls that were not answered by the callee.
   */
  OutboundRejectedCalls: number;
  /**
   * Average talk time for outbound queue calls in seconds.
   */
  OutboundAvgTalkTimeSec: number;
  /**
   * Average wait time for outbound calls in seconds. Only answered calls are included.
   */
  OutboundAvgWaitTime: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Service queue status message, contains various counter values. Sent by Controller periodically if the status of the queue has changed since the last event.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueStatusEvent".
 */
export interface EnreachQueueStatusEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueStatus";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of service queue.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Name of service queue.
   */
  QueueName: string | null;
  /**
   * Total number of current providers (agents) in the queue.
   */
  NbrOfProviders: number;
  /**
   * Total number of current requesters (calls) in the queue.
   */
  NbrOfRequesters: number;
  /**
   * Estimated number of current serving agents in the queue.
   */
  NbrOfServingAgentsEstimate: number;
  /**
   * Number of current allocated calls in the queue.
   */
  NbrOfAllocated: number;
  /**
   * Number of current connected (served by agent) calls in the queue.
   */
  NbrOfConnected: number;
  /**
   * Number of current queuing calls in the queue
   */
  NbrOfQueuingRequesters: number;
  /**
   * Number of calls currently not being served by an agent right now
   */
  NbrOfNotServedRequesters: number;
  /**
   * Number agents that are not currently available for service in long term (e.g DND state).
   */
  NbrOfAgentsLongTermAway: number;
  /**
   * Number agents that are not currently available for service in short term (e.g. already talking).
   */
  NbrOfAgentsShortTermAway: number;
  /**
   * Number agents that are immediately free for service.
   */
  NbrOfAgentsImmediatelyFree: number;
  /**
   * Total number agents that are serving in the queue (away or not).
   */
  NbrOfAgentsCheckedInQueue: number;
  /**
   * Total number agents that are serving in the queue (away or not).
   */
  NbrOfAgentsOnWrapUp: number;
  /**
   * Total number agents that are currently in FetchMode (no automatic allocation).
   */
  NbrOfAgentsOnFetchMode: number;
  /**
   * Maximum current wait time in queue
   */
  MaxWaitTime: number;
  /**
   * Queue open status estimation NA = 0 NoActiveHandler = 1 : There are no active handling endpoints/numbers for the queue. So basically "Closed" NoActiveHandlerUncertain = 2 : There are no active handling endpoints/numbers for the queue. But uncertain due script on some handlers. Closed = 3 : The only active handler is "ServiceClosed". ClosedUncertain = 4 : The only active handler is "ServiceClosed". But uncertain due script on some handlers. Open = 5 : Queue is open. OpenUncertain = 6 : Queue is open. But uncertain due script on some handlers.
   */
  OpenStatus: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Outgoing call from user in the name of a queue, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallInRecordingConvertedEvent".
 */
export interface EnreachQueueUserCallInRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallInRecordingConverted";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Queue id the callout was made from
   */
  QueueId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId for the user who made the callout
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call in the name of a service queue, initiated by a user is now connected to the user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutConnectedEvent".
 */
export interface EnreachQueueUserCallOutConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutConnected";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Name of the queue.
   */
  QueueName: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call in the name of a service queue originally initiated by a user is now disconnected from the user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutDisconnectedEvent".
 */
export interface EnreachQueueUserCallOutDisconnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutDisconnected";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Name of the queue.
   */
  QueueName: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Reason for the disconnect. 'remote' or 'local' Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Technical reason (e.g SIP cause code) for the disconnect.
   */
  TechReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call in the name of a service queue, originally initiated by a user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutGoingEvent".
 */
export interface EnreachQueueUserCallOutGoingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutGoing";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Name of the queue.
   */
  QueueName: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Optional call as number
   */
  CallAsNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call in the name of a service queue is off hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutHoldEndEvent".
 */
export interface EnreachQueueUserCallOutHoldEndEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutHoldEnd";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call in the name of a service queue is on hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutHoldStartEvent".
 */
export interface EnreachQueueUserCallOutHoldStartEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutHoldStart";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call from user in the name of a queue, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallOutRecordingConvertedEvent".
 */
export interface EnreachQueueUserCallOutRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallOutRecordingConverted";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Queue id the callout was made from
   */
  QueueId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId for the user who made the callout
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing or incoming call for user in the name of a service queue was recorded
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachQueueUserCallRecordedEvent".
 */
export interface EnreachQueueUserCallRecordedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "QueueUserCallRecorded";
  EntityType: EnreachEntityType & "Queue";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of the service queue the call leg event relates to.
   */
  QueueId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Path to the recorded file
   */
  RecordedFilePath: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * User's current availability state
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserAvailabilityEvent".
 */
export interface EnreachUserAvailabilityEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserAvailability";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of target user.
   */
  UserName: string | null;
  /**
   * Id of the availability profile in database.
   */
  ProfileId: string;
  /**
   * Availability state, possible values: Available, Busy, DoNotDisturb, OffWork, BRB, Away
   */
  Availability: string | null;
  /**
   * Start time of the state
   */
  StartTime: string;
  /**
   * End time of the state, DateTime.MaxValue if the state is continuous
   */
  EndTime: string;
  /**
   * User-defined message or description
   */
  Note: string | null;
  /**
   * Availability event source from db
   */
  EventSource: string | null;
  /**
   * The phone number calls are transferred to if appropriate.
   */
  TransferNumber: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * This event is emitted via the API to indicate the user wishes to allocate a new call. Used when the agent is in fetch allocation mode.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallAllocationRequestEvent".
 */
export interface EnreachUserCallAllocationRequestEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallAllocationRequest";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * For correlating responses.
   */
  RequestId: string;
  /**
   * Allocation type: allocate = Allocate a call if possible (according the normal rules) Known values: allocate.
   */
  AllocationType: string | null;
  /**
   * TTL of the FetchAllocation request in seconds.
   */
  TTLSeconds: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Reply for an new call allocation request. Used when the agent is in fetch allocation mode.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallAllocationResponseEvent".
 */
export interface EnreachUserCallAllocationResponseEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallAllocationResponse";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * For correlating responses.
   */
  RequestId: string;
  /**
   * Allocation type: allocated = Call allocated nocalls = No calls to allocate for the agent agentunavailable = Call could not be allocated following the normal allocation rules(agent was DND, afterwork etc) Known values: allocated, nocalls, agentunavailable.
   */
  AllocationType: string | null;
  /**
   * Call being allocated (if any) Optional
   */
  CallId: string | null;
  /**
   * Optional
   */
  LegId: string | null;
  /**
   * Original caller Optional
   */
  CallerNumber: string | null;
  /**
   * Where the original call was made to Optional
   */
  TargetNumber: string | null;
  /**
   * Allocating queue Optional
   */
  QueueId: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Call blocking prompt started. Current responsible owner is a user.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallBlockingPromptStartedEvent".
 */
export interface EnreachUserCallBlockingPromptStartedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallBlockingPromptStarted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * User id
   */
  UserId: string;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Actual technical queue id doing the prompt playing.
   */
  TechQueueId: string | null;
  /**
   * Current playing Applet name.
   */
  PlayApplet: string | null;
  /**
   * Reason for playing the prompt: e.g "MandatoryEnter"
   */
  Reason: string | null;
  /**
   * Prompt usage or id, or SAY: when using say command. E.g. "PRO_Enter"
   */
  PromptDetail: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call. Current target is user. Call entered for allocation.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInArrivedEvent".
 */
export interface EnreachUserCallInArrivedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInArrived";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of current target user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Produced when a callback request targeted for the user is created (by Controller).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInCallbackCreatedEvent".
 */
export interface EnreachUserCallInCallbackCreatedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInCallbackCreated";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of the user the personal callback is targeted to
   */
  UserId: string;
  /**
   * CallBack Id this event relates to.
   */
  CallBackId: string;
  /**
   * Id of the CallList for this CallBack
   */
  CallListId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * The id of the original call that prompted the creation of this request
   */
  CallId: string | null;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Optional RecordingId if one exists
   */
  RecordingId: string | null;
  /**
   * Contact number that is supposed to be called to
   */
  ContactNumber: string | null;
  /**
   * Original target number that was called
   */
  TargetNumber: string | null;
  /**
   * ContactMessage, e.g configured in service queue
   */
  ContactMessage: string | null;
  /**
   * When the request was initially created
   */
  CreationTime: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming direct call to user entered Controller.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInComingEvent".
 */
export interface EnreachUserCallInComingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInComing";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of target user
   */
  Username: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Call in, currently for user, was disconnected.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInDisconnectedEvent".
 */
export interface EnreachUserCallInDisconnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInDisconnected";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of target user
   */
  Username: string | null;
  /**
   * Reason for the disconnect. 'remote' or 'local' Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Id of then current technical queue, may be different to the service queue.
   */
  TechQueueId: string | null;
  /**
   * Technical reason (e.g SIP cause code) for the disconnect.
   */
  TechReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's incoming call is off hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInHoldEndEvent".
 */
export interface EnreachUserCallInHoldEndEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInHoldEnd";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's incoming call is on hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInHoldStartEvent".
 */
export interface EnreachUserCallInHoldStartEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInHoldStart";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently for user, overflows to next routing target.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInOverflowEvent".
 */
export interface EnreachUserCallInOverflowEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInOverflow";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of target user
   */
  Username: string | null;
  /**
   * Currently connected target.
   */
  ConnectedTarget: string | null;
  /**
   * Overflow source type.
   */
  TechSource: string | null;
  /**
   * Id of current technical queue.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Overflow Applet name.
   */
  OverflowApplet: string | null;
  /**
   * Technical source type.
   */
  TechNumber: string | null;
  /**
   * Technical event.
   */
  TechEvent: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Overflow reason description, values like: NoAvailableProviders, QueueFull, UserActivelyDeclined ...
   */
  OverflowReason: string | null;
  /**
   * Overflow type, large set values like: AdHoc_1, ServiceOpen, QueueHandler, QueueOverflowDefault, UserTransferAll, ActPreEnter, TerminationHandling
   */
  OverflowType: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming direct call to user, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInRecordingConvertedEvent".
 */
export interface EnreachUserCallInRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInRecordingConverted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Transfer cancelled.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInTransferCancelledEvent".
 */
export interface EnreachUserCallInTransferCancelledEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInTransferCancelled";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Transferring user's username
   */
  Username: string | null;
  /**
   * Id of current technical queue.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Cancellation reason.
   */
  Reason: string | null;
  /**
   * Detailed cancellation reason.
   */
  DetailedReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Transfer to overflow target connected.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInTransferConnectedEvent".
 */
export interface EnreachUserCallInTransferConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInTransferConnected";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of transferring current user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Transferring user's username
   */
  Username: string | null;
  /**
   * Connected target.
   */
  ConnectedTarget: string | null;
  /**
   * Transfer source.
   */
  TransferSource: string | null;
  /**
   * Id of current technical queue.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Transfer to overflow target started.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInTransferStartedEvent".
 */
export interface EnreachUserCallInTransferStartedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInTransferStarted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current transferring user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Transferring user's username
   */
  Username: string | null;
  /**
   * Transfer target, guid or phone number.
   */
  TransferTarget: string | null;
  /**
   * Transfer source.
   */
  TransferSource: string | null;
  /**
   * Id of current technical queue.
   */
  TechQueueId: string;
  /**
   * Name of current technical queue.
   */
  TechQueueName: string | null;
  /**
   * Transferring Applet name.
   */
  TransferApplet: string | null;
  /**
   * Technical source type.
   */
  TechSource: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Call allocated to user.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInUserAllocatedEvent".
 */
export interface EnreachUserCallInUserAllocatedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInUserAllocated";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of allocating User.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Allocation target username
   */
  UserName: string | null;
  /**
   * Number of allocating User.
   */
  UserNumber: string | null;
  /**
   * Optional detailed reason for allocation.
   */
  DetailedReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Call allocation to user cancelled.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInUserCancelledEvent".
 */
export interface EnreachUserCallInUserCancelledEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInUserCancelled";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of allocated user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of cancelling user.
   */
  UserName: string | null;
  /**
   * Cancellation reason.
   */
  Reason: string | null;
  /**
   * Detailed cancellation reason.
   */
  DetailedReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming call, currently targeted to user. Call allocation to user connected.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInUserConnectedEvent".
 */
export interface EnreachUserCallInUserConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInUserConnected";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * LegId of of the forked call to agent
   */
  AgentLegId: string | null;
  /**
   * Id of connected User.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of connected User.
   */
  UserName: string | null;
  /**
   * Number of connected User.
   */
  UserNumber: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Worknumber call is overflowing to other destination
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallInUserOverflowEvent".
 */
export interface EnreachUserCallInUserOverflowEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallInUserOverflow";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of transferring "responsible" user
   */
  UserId: string;
  /**
   * Id of related organization
   */
  OrganizationId: string;
  /**
   * Username
   */
  Username: string | null;
  /**
   * Reason for the overflow: AVAActiveProfile, BusyForTechnicalError, DND, OffWork, NoAnswer, InterruptOverflow BusyOnBusy, TransferAll, BlindTransfer
   */
  Reason: string | null;
  /**
   * Transfer target. Guid or phone number, or list of targets.
   */
  Target: string | null;
  /**
   * Original caller number
   */
  CallerNumber: string | null;
  /**
   * Original called number
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutConnectedEvent".
 */
export interface EnreachUserCallOutConnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutConnected";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling User.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling User.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * User call was disconnected.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutDisconnectedEvent".
 */
export interface EnreachUserCallOutDisconnectedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutDisconnected";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of current calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of current calling user.
   */
  UserName: string | null;
  /**
   * Reason for the disconnect. 'remote' or 'local' Known values: remote, local.
   */
  Reason: string | null;
  /**
   * Technical reason (e.g SIP cause code) for the disconnect.
   */
  TechReason: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing direct call initiated by a user
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutGoingEvent".
 */
export interface EnreachUserCallOutGoingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutGoing";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Username of calling user.
   */
  UserName: string | null;
  /**
   * Original caller number.
   */
  CallerNumber: string | null;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Optional call as number
   */
  CallAsNumber: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call is off hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutHoldEndEvent".
 */
export interface EnreachUserCallOutHoldEndEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutHoldEnd";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Notification indicating that the user's outgoing call is on hold.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutHoldStartEvent".
 */
export interface EnreachUserCallOutHoldStartEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutHoldStart";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing call from user, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallOutRecordingConvertedEvent".
 */
export interface EnreachUserCallOutRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallOutRecordingConverted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId for the user who made the callout
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * User Direct Call publicity changed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallPublicityChangedEvent".
 */
export interface EnreachUserCallPublicityChangedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallPublicityChanged";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Organization the user belongs to
   */
  OrganizationId: string;
  /**
   * User that the call belongs to
   */
  UserId: string;
  /**
   * Call id (entire call chain)
   */
  CallId: string;
  /**
   * Specific CallEvent.Id that changed
   */
  CallEventId: string;
  /**
   * The NEW publicity (Doc type CallPublicityCategory, members undocumented.)
   */
  Publicity: string;
  /**
   * Previous publicity (Doc type CallPublicityCategory, members undocumented.)
   */
  PreviousPublicity: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Outgoing or incoming call for user recorded
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallRecordedEvent".
 */
export interface EnreachUserCallRecordedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallRecorded";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Original called number.
   */
  TargetNumber: string | null;
  /**
   * Path to the recorded file
   */
  RecordedFilePath: string | null;
  /**
   * The publicity of user's direct calls (Doc type CallEventPublicityCategory, members undocumented.)
   */
  Publicity: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Transcript creted for direct user call (incoming, outgoing or voice mail).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserCallTranscribedEvent".
 */
export interface EnreachUserCallTranscribedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserCallTranscribed";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of calling user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Id of generated transcript
   */
  TranscriptId: string;
  /**
   * Id of the original recording
   */
  RecordingId: string;
  /**
   * Duration of the transcript in milliseconds
   */
  DurationMillis: number;
  /**
   * Original recording type. UserIncoming/UserOutgoing/VoiceMailRecording (Open set; the example also shows "Unknown".)
   */
  TranscribeRecordingType: string | null;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Event produced via the API, intended towards call routing core. Indicates that the user request their outgoing calls to use certain callback list or service queue specific behaviour, and possibly specifying CLI
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserConfigurationSetNextCallOutEvent".
 */
export interface EnreachUserConfigurationSetNextCallOutEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserConfigurationSetNextCallOut";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Target number for the upcoming call out
   */
  TargetNumber: string | null;
  /**
   * Optional: CallBack Id for the upcoming call out
   */
  CallBackId: string | null;
  /**
   * Optional: Id of the CallList for the upcoming call out
   */
  CallListId: string | null;
  /**
   * Optional: Id of the service queue for the upcoming call out
   */
  QueueId: string | null;
  /**
   * Do service queue or callback list recording
   */
  ServiceRecord: boolean;
  /**
   * Allow user personal recording
   */
  AllowUserRecord: boolean;
  /**
   * If user can stop the recording in UI
   */
  ShowUIControl: boolean;
  /**
   * CLI = caller number to use, should be a known number for route (beneuser)
   */
  CLI: string | null;
  /**
   * How long will this request be valid.
   */
  TimeToLive: number;
  /**
   * If the request is persistent, it will be valid until it is changed or TimeToLive expires
   */
  PersistentRequest: boolean;
  /**
   * Prompt for letting the target (and agent too) to know that the call is recorded
   */
  PrePromptPath: string | null;
  /**
   * For correlating responses.
   */
  RequestId?: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Event produced via the API, intended towards call routing core. Indicates that the user request their outgoing calls to use certain callback list or service queue specific behaviour, and possibly specifying CLI
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserConfigurationSetNextCallOutRawEvent".
 */
export interface EnreachUserConfigurationSetNextCallOutRawEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserConfigurationSetNextCallOutRaw";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Target number for the upcoming call out
   */
  TargetNumber: string | null;
  /**
   * Optional: CallBack Id for the upcoming call out
   */
  CallBackId: string | null;
  /**
   * Optional: Id of the CallList for the upcoming call out
   */
  CallListId: string | null;
  /**
   * Optional: Id of the service queue for the upcoming call out
   */
  QueueId: string | null;
  /**
   * Optional: CLI (CallAs) for the call. If provided overrides possible Queue/CallList configuration for CLI
   */
  CLI: string | null;
  /**
   * How long will this request be valid.
   */
  TimeToLive: number;
  /**
   * If the request is persistent, it will be valid until it is changed or TimeToLive expires
   */
  PersistentRequest: boolean;
  /**
   * For correlating responses.
   */
  RequestId?: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * Event when queue user is added or removed from queue.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserQueueAttachedEvent".
 */
export interface EnreachUserQueueAttachedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserQueueAttached";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * OrganizationId
   */
  OrganizationId: string;
  /**
   * QueueId
   */
  QueueId: string;
  /**
   * UserId
   */
  UserId: string;
  /**
   * Active in queue
   */
  Active: boolean;
  /**
   * User's priority in queue
   */
  Priority: number | null;
  /**
   * Is detached from queue.
   */
  Deleted: boolean;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * User setting changed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserSettingEvent".
 */
export interface EnreachUserSettingEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserSetting";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of related user
   */
  UserId: string;
  /**
   * Id of related organization
   */
  OrganizationId: string;
  /**
   * Setting keyword
   */
  Keyword: string | null;
  /**
   * Setting value
   */
  Value: string | null;
  /**
   * Key/Value setting values
   */
  Values: {
    [k: string]: (string | null) | undefined;
  } | null;
  /**
   * Setting allowed values.
   */
  AllowedValues: {
    [k: string]: (string | null) | undefined;
  } | null;
  /**
   * Is setting deleted.
   */
  Deleted: boolean;
  /**
   * Setting level for authorization (Doc type UserSettingLevelEnum, members undocumented.)
   */
  Level: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * UserStatus changed. UserStatus represents users status from queue components view. Contains information about users serving status, such as talking, available and the ultimate “can receive calls” result.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserStatusEvent".
 */
export interface EnreachUserStatusEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserStatus";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
  /**
   * Id of the user.
   */
  UserId: string;
  /**
   * Id of the related organization.
   */
  OrganizationId: string;
  /**
   * If it is possible to allocate a call to the user. This is a composite value from several status items, "best guess".
   */
  CanBeAllocatedTo: boolean;
  /**
   * If the user is having a call right now. Incoming and outgoing calls are considered as active calls even before call is connected to user
   */
  Talking: boolean;
  /**
   * Last time the "Talking" status changed
   */
  TalkingStatusChanged: string | null;
  /**
   * Guid of the service queue the user can be presumed be talking right now
   */
  ActiveQueueId: string | null;
  /**
   * If AVA status is "available", typically when not "DND".
   */
  Available: boolean;
  /**
   * If AVA availability code is not OffWork
   */
  Schedule: boolean;
  /**
   * User is serving in queues
   */
  Serving: boolean;
  /**
   * Number of active terminals
   */
  ServiceTerminals: number;
  /**
   * Number of active queues
   */
  ActiveQueues: number;
  /**
   * Number of parked calls
   */
  ParkedCalls: number;
  /**
   * If wrap up time is active then the start time, otherwise null
   */
  WrapUpStart: string | null;
  /**
   * If wrap up time is active then the end time, otherwise null
   */
  WrapUpEnd: string | null;
  /**
   * User is serving in callback list "queues"
   */
  ServingCallback: boolean;
  /**
   * User is in FetchMode, no automatic allocation from ServiceQueues
   */
  FetchMode: boolean;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
}
/**
 * This is emitted when supervisor status relating to a call changed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserSupervisionStatusEvent".
 */
export interface EnreachUserSupervisionStatusEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserSupervisionStatus";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of target user.
   */
  TargetUserId: string;
  /**
   * User being supervised.
   */
  TargetUserName: string | null;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Id of the supervisor.
   */
  SupervisorUserId: string;
  /**
   * User supervising.
   */
  SupervisorUserName: string | null;
  /**
   * Name of the service queue
   */
  QueueName: string | null;
  /**
   * Id of the service queue
   */
  QueueId: string | null;
  /**
   * Id of of the supervised call.
   */
  CallId: string;
  /**
   * LegId of of the supervised call.
   */
  LegId: string | null;
  /**
   * Optional LegId of of the supervisor incoming call.
   */
  SupervisorLegId: string | null;
  /**
   * Supervision state relating to the call. (Doc type SupervisionState, members undocumented.)
   */
  State: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Incoming direct call to user, recording converted
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserVoiceMailRecordingConvertedEvent".
 */
export interface EnreachUserVoiceMailRecordingConvertedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserVoiceMailRecordingConverted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * UserId
   */
  UserId: string;
  /**
   * RecordingId
   */
  RecordingId: string;
  /**
   * ConversionId
   */
  ConversionId: string;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Event emitted after a service call connects to indicate that wrap-up time is enabled for the call. This is used by clients supporting wrap-up functionality to indicate to the end user that wrap-up time is in progress after the call completes. This event is followed by UserWrapUpStarted and UserWrapUpTerminated events.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserWrapUpEnabledEvent".
 */
export interface EnreachUserWrapUpEnabledEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserWrapUpEnabled";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of target user.
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Max wrap-up duration, seconds
   */
  MaxWrapUpDurationSec: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Event emitted after a call with wrap-up functionality enabled disconnects and thus wrap-up time starts. It is relayed to supporting clients to indicate that wrap-up is ongoing and no calls are allocated during that time.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserWrapUpStartedEvent".
 */
export interface EnreachUserWrapUpStartedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserWrapUpStarted";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Queue Id
   */
  QueueId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Max wrap-up duration, seconds
   */
  MaxWrapUpDurationSec: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Emitted after wrap-up time for given call ends. It is emitted both when the maximum allowed time is up, and when an explicit termination request has been handled by the backend.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "EnreachUserWrapUpTerminatedEvent".
 */
export interface EnreachUserWrapUpTerminatedEvent {
  RootEntityType: EnreachRootEntityType;
  RootEntityId: EnreachRootEntityId;
  EventType: "UserWrapUpTerminated";
  EntityType: EnreachEntityType & "User";
  EntityId: EnreachEntityId;
  /**
   * Id of core call event relates to.
   */
  CallId: string;
  /**
   * Id of core call leg event relates to.
   */
  LegId: string | null;
  /**
   * Id of target user.
   */
  UserId: string;
  /**
   * Id of related organization.
   */
  OrganizationId: string;
  /**
   * Queue Id
   */
  QueueId: string;
  /**
   * Reason for termination: e.g "manual" or "timer"
   */
  Reason: string | null;
  /**
   * How long the wrap-up time was on
   */
  ElapsedTimeSec: number;
  Id: EnreachId;
  Timestamp: EnreachTimestamp;
  MessageTTLSeconds: EnreachMessageTTLSeconds;
}
/**
 * Guest information (mluvii.ApiModels Sessions.GuestInfo)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelGuestInfo".
 */
export interface MluviiSessionModelGuestInfo {
  /**
   * Temporary ID, generated when guest starts a new session and enters queue.
   */
  tempId: number;
  /**
   * Guest IP address
   */
  ipAddress: string | null;
  /**
   * GUID is generated for each unique guest and saved to cookie.
   */
  trackedId: string | null;
  identity: string | null;
  channelIdentity: number | null;
  os: MluviiGuestOSType;
  browser: MluviiGuestBrowserType;
  language: string | null;
  /**
   * Collection of attributes associated with the session. Includes system as well as user keys.
   */
  callParams: {
    [k: string]: string | undefined;
  };
  gdprVersion: string | null;
}
/**
 * SessionOperators (mluvii.ApiModels Common.SessionOperators)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelOperator".
 */
export interface MluviiSessionModelOperator {
  userId: number;
  /**
   * Unique operator username
   */
  userName: string | null;
  firstName: string | null;
  lastName: string | null;
  joined: string;
  /**
   * Operator left session.
   */
  left: string | null;
  /**
   * Operator completed After Call Work (submited session conclusion form).
   */
  concluded: string | null;
  /**
   * Selected session result.
   */
  feedbackResult: string | null;
  note: string | null;
}
/**
 * ReviewerInfo (mluvii.ApiModels Sessions.ReviewerInfo)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelReviewer".
 */
export interface MluviiSessionModelReviewer {
  userId: number;
  userName: string | null;
  firstName: string | null;
  lastName: string | null;
  note: string | null;
}
/**
 * Activity (mluvii.ApiModels Sessions.Activity)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelActivity".
 */
export interface MluviiSessionModelActivity {
  activityId: number;
  /**
   * Timestamp of activity
   */
  time: string;
  type: MluviiSessionActivityType;
  client: MluviiClientType | null;
  /**
   * Operator who initiated the activity.
   */
  userId: number | null;
  chatbotId: number | null;
  file: MluviiSessionModelActivityFile | null;
  text: string | null;
  chatbotMessageContent: unknown;
  response: MluviiSessionAVRequestState | null;
  result: MluviiGetMediaResult | null;
  streamAvailable: boolean | null;
  /**
   * "Forwarding to operator" activity only. User ID of recipient.
   */
  toOperatorUserId: number | null;
  /**
   * "Forwarding to operator" activity only. Full name of recipient.
   */
  toOperatorFullName: string | null;
  /**
   * "Forwarding to group" activity only. ID of recipient operator group.
   */
  toGroupId: number | null;
  /**
   * "Forwarding to group" activity only. Name recipient operator group.
   */
  toGroupName: string | null;
  toPhoneNumber: string | null;
  /**
   * Forwarding activity only. Note associated with forwarding.
   */
  note: string | null;
  callScriptId: number | null;
  heroCardId: number | null;
  originalFormId: number | null;
  heroCard: MluviiSessionModelActivityFormField[] | null;
  callScript: MluviiSessionModelActivityFormField[] | null;
  replyToActivityId: number | null;
  submissionOfActivityId: number | null;
  submissionByOperatorId: number | null;
  submissionResult: MluviiHeroCardSubmissionResult | null;
  submissionParams: {
    [k: string]: string | undefined;
  } | null;
  submissionIdentification: string | null;
  terminationReason: MluviiSessionTerminationReason | null;
  chatbotHeroCardSubmissionKey: string | null;
  chatbotHeroCardSubmissionValue: string | null;
  status: MluviiDeliveryState | null;
}
/**
 * ActivityFile (mluvii.ApiModels Sessions.ActivityFile)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelActivityFile".
 */
export interface MluviiSessionModelActivityFile {
  id: number;
  /**
   * Operator-owned files only. Operator user ID.
   */
  operatorOwner: number | null;
  departmentOwner: number | null;
  /**
   * Name of stored file.
   */
  name: string | null;
  downloadUrl: string | null;
  isUploading: boolean;
  isDeleted: boolean;
}
/**
 * ActivityFormField (mluvii.ApiModels Sessions.ActivityFormField)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelActivityFormField".
 */
export interface MluviiSessionModelActivityFormField {
  key: string | null;
  label: string | null;
  required: boolean;
  inputType: MluviiFormFieldInputType;
  choiceOptions: MluviiSessionModelActivityFormChoiceOption[];
}
/**
 * ExportedActivityFormChoiceOption (mluvii.ApiModels Sessions.ExportedActivityFormChoiceOption)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelActivityFormChoiceOption".
 */
export interface MluviiSessionModelActivityFormChoiceOption {
  value: string | null;
  label: string | null;
}
/**
 * Recording (mluvii.ApiModels Sessions.Recording)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelRecording".
 */
export interface MluviiSessionModelRecording {
  id: number;
  name: string | null;
  started: string | null;
  duration: string | null;
  type: MluviiSessionRecordingType | null;
  userId: number | null;
  serviceId: number | null;
  downloadUrl: string | null;
  isUploading: boolean;
  isDeleted: boolean;
}
/**
 * ChatbotInfo (mluvii.ApiModels Sessions.ChatbotInfo)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelChatbot".
 */
export interface MluviiSessionModelChatbot {
  chatbotId: number;
  name: string | null;
  joined: string;
  left: string | null;
}
/**
 * AssignedTag (mluvii.ApiModels Common.AssignedTag)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModelTag".
 */
export interface MluviiSessionModelTag {
  /**
   * Operator who assigned the TAG to session.
   */
  userId: number | null;
  /**
   * Name of TAG.
   */
  name: string | null;
}
/**
 * One session as the mluvii Public API answers GET /api/v1/Sessions/{id} (and each item of GET /api/v1/Sessions): mluvii.ApiModels Sessions.SessionModel, camelCase, enums as strings, every property present (null when it does not apply).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionModel".
 */
export interface MluviiSessionModel {
  id: number;
  companyId: number;
  departmentId: number;
  guest: MluviiSessionModelGuestInfo;
  channel: MluviiSessionChannel;
  source: MluviiSessionSource;
  status: MluviiSessionStatus;
  avSupport: MluviiClientAVSupport;
  /**
   * When guest enters via invitation, this is the generated number.
   */
  directCallNumber: string | null;
  /**
   * When guest enters via phone callback, this is the phone number.
   */
  phoneCallbackNumber: string | null;
  /**
   * The session was proactively created by operator and offered to a visiting guest.
   */
  isDirectChat: boolean;
  /**
   * Entry URL at the time of session creation
   */
  url: string | null;
  /**
   * Name of entry widget
   */
  widget: string | null;
  /**
   * Operators who participated in the session
   */
  operators: MluviiSessionModelOperator[];
  /**
   * Reviewers
   */
  reviewers: MluviiSessionModelReviewer[];
  created: string;
  guestJoined: string | null;
  /**
   * When first operator accepts the session.
   */
  started: string | null;
  /**
   * When operator or guest leaves the session.
   */
  ended: string | null;
  /**
   * ISO 8601 duration. From entering queue to start of session or leaving the queue. Whichever comes first.
   */
  waited: string | null;
  /**
   * ISO 8601 duration. Length of session or null if session never started.
   */
  length: string | null;
  /**
   * Whether the guest was blacklisted.
   */
  blacklisted: boolean;
  /**
   * For callback session only. Time when operator dialed callback number.
   */
  phoneCallbackDialed: string | null;
  /**
   * Trail of all session activities.
   */
  activities: MluviiSessionModelActivity[];
  /**
   * Tags associated with this session.
   */
  tags: MluviiSessionModelTag[];
  chatbots: MluviiSessionModelChatbot[];
  /**
   * Number of stars given by guest on feedback form.
   */
  guestFeedbackStars: number | null;
  guestFeedbackScale: MluviiFeedbackScale | null;
  /**
   * Freeform textual feedback giben by guest on feedback form.
   */
  guestFeedbackText: string | null;
  autoAccepted: boolean;
  /**
   * Contents of feedback form custom fields.
   */
  guestFeedbackCustomFields: {};
  recordings: MluviiSessionModelRecording[];
  recordingsState: MluviiSessionRecordingsState | null;
  guestLeftSession: MluviiGuestLeftSessionInState;
  outboundDialResult: MluviiDialNumberState | null;
  campaignId: number | null;
}
/**
 * One user (operator) as the mluvii Public API answers GET /api/v1/Users/{id}: mluvii.ApiModels Users.UserModel, camelCase, enums as strings.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiUserModel".
 */
export interface MluviiUserModel {
  id: number;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  email: string | null;
  note: string | null;
  enabled: boolean;
  departments: number[];
  groups: number[];
  globalRoles: MluviiGlobalRole[];
}
/**
 * The `file` object of a SessionActivitySharedFile payload (mluvii.ApiModels SessionModel.ActivityFile). operatorOwner / departmentOwner tell whose shared file it is; both are null when the operator shares a file from his own drive.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiActivityFile".
 */
export interface MluviiActivityFile {
  id: number;
  operatorOwner: number | null;
  departmentOwner: number | null;
  name: string | null;
  downloadUrl: string | null;
  isUploading: boolean;
  isDeleted: boolean;
}
/**
 * One item of the `heroCard` or `callScript` array of a generic SessionActivity payload, as the doc examples show it.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiFormField".
 */
export interface MluviiFormField {
  inputType: MluviiFormFieldInputType;
  /**
   * Label; may contain HTML (RichText items).
   */
  label: string;
  /**
   * Parameter key the entered value is stored under.
   */
  key?: string;
  required?: boolean;
  /**
   * 1-based position in the form.
   */
  ordinal: number;
  choiceOptions?: {
    value: string;
    label: string;
  }[];
}
/**
 * The `data` object of every generic SessionActivity* webhook (mluvii.ApiModels SessionActivityGenericPayload, 26 properties). mluvii serializes nulls, so all 26 keys are always present and the ones that do not apply are null. Each event schema narrows `type` to its own value.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGenericActivity".
 */
export interface MluviiGenericActivity {
  sessionId: number;
  activityId: number;
  time: string;
  type: MluviiSessionActivityType;
  heroCard: MluviiFormField[] | null;
  heroCardParams: unknown[] | null;
  callScript: MluviiFormField[] | null;
  client: MluviiClientType | null;
  text: string | null;
  previewUrl: MluviiPreviewUrl | null;
  file: MluviiActivityFile | null;
  associatedSharedFileUrl: string | null;
  toOperatorUserId: number | null;
  toOperatorFullName: string | null;
  toGroupId: number | null;
  toGroupName: string | null;
  toPhoneNumber: string | null;
  note: string | null;
  chatbotMessageContent: string | null;
  submissionIdentification: string | null;
  userId: number | null;
  chatbotId: number | null;
  chatbotHeroCardSubmissionKey: string | null;
  chatbotHeroCardSubmissionValue: string | null;
  formFieldSetUUID: string | null;
  terminationReason: MluviiSessionTerminationReason | null;
}
/**
 * The `previewUrl` object of a SessionActivityPreviewUrl payload: the link preview mluvii renders for a URL sent in the chat.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiPreviewUrl".
 */
export interface MluviiPreviewUrl {
  title: string | null;
  imageUrl: string | null;
  contentType: number;
  originalUrl: string;
  /**
   * activityId of the chat message that contained the URL.
   */
  originalActivityId: number;
}
/**
 * The webhook is delivered when any change is made to the tenant settings. For each change made to the tenant settings, the Public API returns 18 responses.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiApplicationSettingChangedEvent".
 */
export interface MluviiApplicationSettingChangedEvent {
  eventType: "ApplicationSettingChanged";
  data: {
    name: string | null;
    companyId: number | null;
    departmentId: number | null;
    operatorGroupId: number | null;
    userId: number | null;
    routingRuleSetId: number | null;
  };
}
/**
 * It happens when a new email thread is created. Either the client or the operator can start it.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiEmailThreadCreatedEvent".
 */
export interface MluviiEmailThreadCreatedEvent {
  eventType: "EmailThreadCreated";
  data: {
    id: number;
    tenantId: number;
    created: string;
  };
}
/**
 * The webhook is delivered when the email thread is forwarded. Along with this event, EmailThreadOperatorLeft is also logged.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiEmailThreadForwardedEvent".
 */
export interface MluviiEmailThreadForwardedEvent {
  eventType: "EmailThreadForwarded";
  data: {
    id: number;
    tenantId: number;
    time: string;
    userId: number | null;
    operatorGroupId: number | null;
  };
}
/**
 * The webhook is delivered when the operator accepts an email message from the group queue.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiEmailThreadOperatorJoinedEvent".
 */
export interface MluviiEmailThreadOperatorJoinedEvent {
  eventType: "EmailThreadOperatorJoined";
  data: {
    id: number;
    tenantId: number;
    userId: number;
    time: string;
  };
}
/**
 * The webhook is delivered when the operator disconnects from the e-mail thread (the operator replies to the e-mail, returns it to the queue for processing, or ignores it).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiEmailThreadOperatorLeftEvent".
 */
export interface MluviiEmailThreadOperatorLeftEvent {
  eventType: "EmailThreadOperatorLeft";
  data: {
    id: number;
    tenantId: number;
    userId: number;
    time: string;
  };
}
/**
 * The webhook is delivered when a parameter is added to the email thread by the operator or by the Public API.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiEmailThreadParamsUpdatedEvent".
 */
export interface MluviiEmailThreadParamsUpdatedEvent {
  eventType: "EmailThreadParamsUpdated";
  data: {
    id: number;
    tenantId: number;
  };
}
/**
 * The webhook is delivered as soon as the client information changes. The id is the id of the Contact Directory entry.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiGuestIdentityUpdatedEvent".
 */
export interface MluviiGuestIdentityUpdatedEvent {
  eventType: "GuestIdentityUpdated";
  data: {
    id: number;
    tenantId: number;
  };
}
/**
 * The event is logged with each automatic message in the session. For example, it could be an automated message sent due to client inactivity or an operator being busy handling multiple interactions at once.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAutoActivityEvent".
 */
export interface MluviiSessionActivityAutoActivityEvent {
  eventType: "SessionActivityAutoActivity";
  data: MluviiGenericActivity & {
    type?: "AutoActivity";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityAutoActivityAsOperator, payload SessionActivityGenericPayload). Meaning from the name [inference]: an automatic message sent on behalf of the operator.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAutoActivityAsOperatorEvent".
 */
export interface MluviiSessionActivityAutoActivityAsOperatorEvent {
  eventType: "SessionActivityAutoActivityAsOperator";
  data: MluviiGenericActivity & {
    type?: "AutoActivityAsOperator";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityAvMediaResult, payload SessionActivityAvMediaResultPayload). Meaning from the name [inference]: the result of acquiring the client's audio/video devices after an A/V request.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAvMediaResultEvent".
 */
export interface MluviiSessionActivityAvMediaResultEvent {
  eventType: "SessionActivityAvMediaResult";
  data: {
    sessionId: number;
    operatorId: number;
    result: MluviiGetMediaResult;
    isStreamAvailable: boolean;
    time: string;
  };
}
/**
 * The event captures the moment when the operator upgrades the webchat to an Audio/Video call. The operator clicks on the "Call" tab in the interface, enters the A/V room, and invites the client.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAvRequestEvent".
 */
export interface MluviiSessionActivityAvRequestEvent {
  eventType: "SessionActivityAvRequest";
  data: {
    sessionId: number;
    operatorId: number;
    time: string;
  };
}
/**
 * Triggered when the user responds to an A/V connection attempt (CS doc only: "Spustí se při reakci uživatele na pokus o AV spojení."). If the client accepts the invitation to the A/V call, the response is "Accepted", otherwise "RejectedUser".
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAvResponseEvent".
 */
export interface MluviiSessionActivityAvResponseEvent {
  eventType: "SessionActivityAvResponse";
  data: {
    sessionId: number;
    operatorId: number;
    response: MluviiSessionAVRequestState;
    time: string;
  };
}
/**
 * This happens when the operator terminates the A/V call and continues text-only communication. The operator clicks the "Disconnect Client" button or the cross button in the corner of the A/V blade.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityAvTerminatedEvent".
 */
export interface MluviiSessionActivityAvTerminatedEvent {
  eventType: "SessionActivityAvTerminated";
  data: {
    sessionId: number;
    operatorId: number;
    time: string;
  };
}
/**
 * It happens every time each contact is called within the campaign where CallScript is set up. The CallScript does not need to be acknowledged by the operator. (CS doc: the webhook is delivered when the client accepts the campaign session.)
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityCallScriptEvent".
 */
export interface MluviiSessionActivityCallScriptEvent {
  eventType: "SessionActivityCallScript";
  data: MluviiGenericActivity & {
    type?: "CallScript";
  };
}
/**
 * In the session, the CallScript is confirmed by the operator. CallScript is used only for telephone campaigns. The webhook is delivered as soon as the ACW session is over.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityCallScriptSubmissionEvent".
 */
export interface MluviiSessionActivityCallScriptSubmissionEvent {
  eventType: "SessionActivityCallScriptSubmission";
  data: MluviiGenericActivity & {
    type?: "CallScriptSubmission";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityChatbotHeroCardSubmission, payload SessionActivityGenericPayload). Meaning from the name [inference]: a HeroCard sent by a chatbot was submitted (chatbotHeroCardSubmissionKey / chatbotHeroCardSubmissionValue).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityChatbotHeroCardSubmissionEvent".
 */
export interface MluviiSessionActivityChatbotHeroCardSubmissionEvent {
  eventType: "SessionActivityChatbotHeroCardSubmission";
  data: MluviiGenericActivity & {
    type?: "ChatbotHeroCardSubmission";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityChatbotMessage, payload SessionActivityGenericPayload). Meaning from the name [inference]: a chatbot sent a message in the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityChatbotMessageEvent".
 */
export interface MluviiSessionActivityChatbotMessageEvent {
  eventType: "SessionActivityChatbotMessage";
  data: MluviiGenericActivity & {
    type?: "ChatbotMessage";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityChatMessage, payload SessionActivityGenericPayload). Meaning from the name [inference]: a chat message in the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityChatMessageEvent".
 */
export interface MluviiSessionActivityChatMessageEvent {
  eventType: "SessionActivityChatMessage";
  data: MluviiGenericActivity & {
    type?: "ChatMessage";
  };
}
/**
 * It occurs when the client enters an e-mail in the Feedback Form and sends a transcript, or the operator sends it.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityChatToMailEvent".
 */
export interface MluviiSessionActivityChatToMailEvent {
  eventType: "SessionActivityChatToMail";
  data: MluviiGenericActivity & {
    type?: "ChatToMail";
  };
}
/**
 * In the session, cobrowsing was initiated and the client agreed to the request from the operator.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityCobrowsingStartedEvent".
 */
export interface MluviiSessionActivityCobrowsingStartedEvent {
  eventType: "SessionActivityCobrowsingStarted";
  data: MluviiGenericActivity & {
    type?: "CobrowsingStarted";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityCobrowsingStoppedByGuest, payload SessionActivityGenericPayload). Meaning from the name [inference]: the client stopped cobrowsing.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityCobrowsingStoppedByGuestEvent".
 */
export interface MluviiSessionActivityCobrowsingStoppedByGuestEvent {
  eventType: "SessionActivityCobrowsingStoppedByGuest";
  data: MluviiGenericActivity & {
    type?: "CobrowsingStoppedByGuest";
  };
}
/**
 * This can be an introductory message set at the Facebook page level (outside the app), or messages sent to the client outside the mluvii app (via Facebook Messenger).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityExternalMessageEvent".
 */
export interface MluviiSessionActivityExternalMessageEvent {
  eventType: "SessionActivityExternalMessage";
  data: MluviiGenericActivity & {
    type?: "ExternalMessage";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityFileUploadFailed, payload SessionActivityGenericPayload). Meaning from the name [inference]: a file upload in the session failed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityFileUploadFailedEvent".
 */
export interface MluviiSessionActivityFileUploadFailedEvent {
  eventType: "SessionActivityFileUploadFailed";
  data: MluviiGenericActivity & {
    type?: "FileUploadFailed";
  };
}
/**
 * A HeroCard was sent during the session. The "client" parameter can take values (User, Chatbot). Depending on this, the value of the "userId" or "chatbotId" parameter is also filled in.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityHeroCardEvent".
 */
export interface MluviiSessionActivityHeroCardEvent {
  eventType: "SessionActivityHeroCard";
  data: MluviiGenericActivity & {
    type?: "HeroCard";
  };
}
/**
 * It is logged when the HeroCard is confirmed/canceled (submitted/canceled). originalFormID is the existing HeroCard ID in mluvii; params holds the HeroCard's parameters with the entered values; submittedByClient is false when the operator confirmed the HeroCard instead of the client.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityHeroCardSubmissionEvent".
 */
export interface MluviiSessionActivityHeroCardSubmissionEvent {
  eventType: "SessionActivityHeroCardSubmission";
  data: {
    sessionId: number;
    result: MluviiHeroCardSubmissionResult;
    originalFormID: number;
    submittedByClient: boolean;
    params: {
      [k: string]: string | undefined;
    } | null;
    time: string;
  };
}
/**
 * It is logged if the session is automatically terminated after 24 hours of queuing. This is particularly relevant for WhatsApp. You can also track this event for Facebook Messenger sessions.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityLastFarewellMessageEvent".
 */
export interface MluviiSessionActivityLastFarewellMessageEvent {
  eventType: "SessionActivityLastFarewellMessage";
  data: MluviiGenericActivity & {
    type?: "LastFarewellMessage";
  };
}
/**
 * During a call, the operator puts the call on hold (the "Hold call" button).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityOnHoldEvent".
 */
export interface MluviiSessionActivityOnHoldEvent {
  eventType: "SessionActivityOnHold";
  data: MluviiGenericActivity & {
    type?: "OnHold";
  };
}
/**
 * The operator invited another operator to the session and canceled the invitation before the operator joined. UserId indicates the operator who canceled the invitation.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityOperatorInviteCanceledEvent".
 */
export interface MluviiSessionActivityOperatorInviteCanceledEvent {
  eventType: "SessionActivityOperatorInviteCanceled";
  data: MluviiGenericActivity & {
    type?: "OperatorInviteCanceled";
  };
}
/**
 * The operator invited another operator into the session. UserId indicates the operator who sent the invitation.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityOperatorInvitedEvent".
 */
export interface MluviiSessionActivityOperatorInvitedEvent {
  eventType: "SessionActivityOperatorInvited";
  data: MluviiGenericActivity & {
    type?: "OperatorInvited";
  };
}
/**
 * The operator invited another operator to the session and he declined the invitation. UserId indicates the operator who declined the invitation.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityOperatorInviteRejectedEvent".
 */
export interface MluviiSessionActivityOperatorInviteRejectedEvent {
  eventType: "SessionActivityOperatorInviteRejected";
  data: MluviiGenericActivity & {
    type?: "OperatorInviteRejected";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityOperatorKicked, payload SessionActivityGenericPayload). Meaning from the name [inference]: an operator was removed from the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityOperatorKickedEvent".
 */
export interface MluviiSessionActivityOperatorKickedEvent {
  eventType: "SessionActivityOperatorKicked";
  data: MluviiGenericActivity & {
    type?: "OperatorKicked";
  };
}
/**
 * A message containing a URL link appears in the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityPreviewUrlEvent".
 */
export interface MluviiSessionActivityPreviewUrlEvent {
  eventType: "SessionActivityPreviewUrl";
  data: MluviiGenericActivity & {
    type?: "PreviewUrl";
  };
}
/**
 * The event is closely related to another event (SessionActivityOnHold) that precedes this one. This time the operator clicks on the "Continue call" button.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityResumeGuestEvent".
 */
export interface MluviiSessionActivityResumeGuestEvent {
  eventType: "SessionActivityResumeGuest";
  data: MluviiGenericActivity & {
    type?: "ResumeGuest";
  };
}
/**
 * Not documented by mluvii (neither the EN nor the CS doc): defined only in the vendor models (WebhookEventType.SessionActivityScreenSharingFailedByGuest, payload SessionActivityGenericPayload). Meaning from the name [inference]: screen sharing by the client failed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityScreenSharingFailedByGuestEvent".
 */
export interface MluviiSessionActivityScreenSharingFailedByGuestEvent {
  eventType: "SessionActivityScreenSharingFailedByGuest";
  data: MluviiGenericActivity & {
    type?: "ScreenSharingFailedByGuest";
  };
}
/**
 * It's sent whenever a session ends no matter how it happened or who did it.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivitySessionEndedEvent".
 */
export interface MluviiSessionActivitySessionEndedEvent {
  eventType: "SessionActivitySessionEnded";
  data: MluviiGenericActivity & {
    type?: "SessionEnded";
  };
}
/**
 * It happens when forwarding sessions from the operator (userId) or chatbot (chatbotId) side. If the operator (chatbot) is switching to an operator, the "toOperatorUserId" or "toOperatorFullName" parameter is used. If the session is switched to an operator group, the "toGroupId" or "toGroupName" parameter is used; the same parameters are also used when forwarding to a chatbot.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivitySessionForwardedEvent".
 */
export interface MluviiSessionActivitySessionForwardedEvent {
  eventType: "SessionActivitySessionForwarded";
  data: MluviiGenericActivity & {
    type?: "SessionForwarded";
  };
}
/**
 * Within a session, a file is shared (by the operator or client).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivitySharedFileEvent".
 */
export interface MluviiSessionActivitySharedFileEvent {
  eventType: "SessionActivitySharedFile";
  data: MluviiGenericActivity & {
    type?: "SharedFile";
  };
}
/**
 * This is screen sharing either by the client or by the operator.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivitySharedScreenEvent".
 */
export interface MluviiSessionActivitySharedScreenEvent {
  eventType: "SessionActivitySharedScreen";
  data: MluviiGenericActivity & {
    type?: "SharedScreen";
  };
}
/**
 * The Welcome message appeared during the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionActivityWelcomeMessageEvent".
 */
export interface MluviiSessionActivityWelcomeMessageEvent {
  eventType: "SessionActivityWelcomeMessage";
  data: MluviiGenericActivity & {
    type?: "WelcomeMessage";
  };
}
/**
 * It is logged every time a session parameter is changed and it does not matter who makes the change (operator, chatbot, or supervisor after the session is over).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionCallParamsUpdatedEvent".
 */
export interface MluviiSessionCallParamsUpdatedEvent {
  eventType: "SessionCallParamsUpdated";
  data: {
    id: number;
    tenantId: number;
  };
}
/**
 * A new session has been created in the tenant and the event is logged before the operator or chatbot joins the session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionCreatedEvent".
 */
export interface MluviiSessionCreatedEvent {
  eventType: "SessionCreated";
  data: {
    id: number;
    tenantId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
  };
}
/**
 * Triggered when a session has ended (the operator or the client has finished the session).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionEndedEvent".
 */
export interface MluviiSessionEndedEvent {
  eventType: "SessionEnded";
  data: {
    id: number;
    tenantId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    started: string | null;
    ended: string;
  };
}
/**
 * The session was redirected. In this case, there are no details available as in the case of SessionActivitySessionForwarded. The response may include "userId", "operatorGroupId", or "chatbotId", depending on the target the operator is forwarding to.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionForwardedEvent".
 */
export interface MluviiSessionForwardedEvent {
  eventType: "SessionForwarded";
  data: {
    id: number;
    tenantId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    time: string;
    userId: number | null;
    operatorGroupId: number | null;
    chatbotId: number | null;
  };
}
/**
 * It happens when ACW is automatically/manually terminated. Then also when the session is redirected from the operator to the next destination (operator/group/chatbot/external phone number).
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionOperatorConcludedEvent".
 */
export interface MluviiSessionOperatorConcludedEvent {
  eventType: "SessionOperatorConcluded";
  data: {
    id: number;
    tenantId: number;
    userId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    time: string;
  };
}
/**
 * It happens at the moment the operator joins the session. For example, right at the beginning (after SessionCreated). It is valid that for each operator in the session, a custom event is logged.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionOperatorJoinedEvent".
 */
export interface MluviiSessionOperatorJoinedEvent {
  eventType: "SessionOperatorJoined";
  data: {
    id: number;
    tenantId: number;
    userId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    time: string;
  };
}
/**
 * Once the operator ends the session (clicks the "End" button). It then enters the ACW state. If multiple operators are active in the session, only one of them is logged into SessionOperatorLeft; for the others, the SessionOperatorConcluded event is logged.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionOperatorLeftEvent".
 */
export interface MluviiSessionOperatorLeftEvent {
  eventType: "SessionOperatorLeft";
  data: {
    id: number;
    tenantId: number;
    userId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    time: string;
  };
}
/**
 * The processing of the Audio/Video recording after the session was completed.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionRecordingPostProcessingCompletedEvent".
 */
export interface MluviiSessionRecordingPostProcessingCompletedEvent {
  eventType: "SessionRecordingPostProcessingCompleted";
  data: {
    id: number;
    tenantId: number;
  };
}
/**
 * The session has started (e.g. a client has entered the queue and an operator is being searched for). This applies to all channels in mluvii. A chatbot can also communicate with the client in a session.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiSessionStartedEvent".
 */
export interface MluviiSessionStartedEvent {
  eventType: "SessionStarted";
  data: {
    id: number;
    tenantId: number;
    channel: MluviiSessionChannel;
    source: MluviiSessionSource;
    started: string;
  };
}
/**
 * The webhook is delivered when the operator state changes.
 *
 * This interface was referenced by `ProviderMockSchemas`'s JSON-Schema
 * via the `definition` "MluviiUserStatusChangedEvent".
 */
export interface MluviiUserStatusChangedEvent {
  eventType: "UserStatusChanged";
  data: {
    userId: number;
    status: MluviiUserSimplifiedStatus;
    availabilityStatus: MluviiUserAvailabilityStatus;
    availabilityStatusReason: string | null;
  };
}

/** Every mluvii event type, by its name on the wire. */
export interface MluviiEventMap {
  ApplicationSettingChanged: MluviiApplicationSettingChangedEvent;
  EmailThreadCreated: MluviiEmailThreadCreatedEvent;
  EmailThreadForwarded: MluviiEmailThreadForwardedEvent;
  EmailThreadOperatorJoined: MluviiEmailThreadOperatorJoinedEvent;
  EmailThreadOperatorLeft: MluviiEmailThreadOperatorLeftEvent;
  EmailThreadParamsUpdated: MluviiEmailThreadParamsUpdatedEvent;
  GuestIdentityUpdated: MluviiGuestIdentityUpdatedEvent;
  SessionActivityAutoActivity: MluviiSessionActivityAutoActivityEvent;
  SessionActivityAutoActivityAsOperator: MluviiSessionActivityAutoActivityAsOperatorEvent;
  SessionActivityAvMediaResult: MluviiSessionActivityAvMediaResultEvent;
  SessionActivityAvRequest: MluviiSessionActivityAvRequestEvent;
  SessionActivityAvResponse: MluviiSessionActivityAvResponseEvent;
  SessionActivityAvTerminated: MluviiSessionActivityAvTerminatedEvent;
  SessionActivityCallScript: MluviiSessionActivityCallScriptEvent;
  SessionActivityCallScriptSubmission: MluviiSessionActivityCallScriptSubmissionEvent;
  SessionActivityChatbotHeroCardSubmission: MluviiSessionActivityChatbotHeroCardSubmissionEvent;
  SessionActivityChatbotMessage: MluviiSessionActivityChatbotMessageEvent;
  SessionActivityChatMessage: MluviiSessionActivityChatMessageEvent;
  SessionActivityChatToMail: MluviiSessionActivityChatToMailEvent;
  SessionActivityCobrowsingStarted: MluviiSessionActivityCobrowsingStartedEvent;
  SessionActivityCobrowsingStoppedByGuest: MluviiSessionActivityCobrowsingStoppedByGuestEvent;
  SessionActivityExternalMessage: MluviiSessionActivityExternalMessageEvent;
  SessionActivityFileUploadFailed: MluviiSessionActivityFileUploadFailedEvent;
  SessionActivityHeroCard: MluviiSessionActivityHeroCardEvent;
  SessionActivityHeroCardSubmission: MluviiSessionActivityHeroCardSubmissionEvent;
  SessionActivityLastFarewellMessage: MluviiSessionActivityLastFarewellMessageEvent;
  SessionActivityOnHold: MluviiSessionActivityOnHoldEvent;
  SessionActivityOperatorInviteCanceled: MluviiSessionActivityOperatorInviteCanceledEvent;
  SessionActivityOperatorInvited: MluviiSessionActivityOperatorInvitedEvent;
  SessionActivityOperatorInviteRejected: MluviiSessionActivityOperatorInviteRejectedEvent;
  SessionActivityOperatorKicked: MluviiSessionActivityOperatorKickedEvent;
  SessionActivityPreviewUrl: MluviiSessionActivityPreviewUrlEvent;
  SessionActivityResumeGuest: MluviiSessionActivityResumeGuestEvent;
  SessionActivityScreenSharingFailedByGuest: MluviiSessionActivityScreenSharingFailedByGuestEvent;
  SessionActivitySessionEnded: MluviiSessionActivitySessionEndedEvent;
  SessionActivitySessionForwarded: MluviiSessionActivitySessionForwardedEvent;
  SessionActivitySharedFile: MluviiSessionActivitySharedFileEvent;
  SessionActivitySharedScreen: MluviiSessionActivitySharedScreenEvent;
  SessionActivityWelcomeMessage: MluviiSessionActivityWelcomeMessageEvent;
  SessionCallParamsUpdated: MluviiSessionCallParamsUpdatedEvent;
  SessionCreated: MluviiSessionCreatedEvent;
  SessionEnded: MluviiSessionEndedEvent;
  SessionForwarded: MluviiSessionForwardedEvent;
  SessionOperatorConcluded: MluviiSessionOperatorConcludedEvent;
  SessionOperatorJoined: MluviiSessionOperatorJoinedEvent;
  SessionOperatorLeft: MluviiSessionOperatorLeftEvent;
  SessionRecordingPostProcessingCompleted: MluviiSessionRecordingPostProcessingCompletedEvent;
  SessionStarted: MluviiSessionStartedEvent;
  UserStatusChanged: MluviiUserStatusChangedEvent;
}
export type MluviiEventName = keyof MluviiEventMap;
export type MluviiEvent = MluviiEventMap[MluviiEventName];

/** Every enreach event type, by its name on the wire. */
export interface EnreachEventMap {
  CallbackCallInRecordingConverted: EnreachCallbackCallInRecordingConvertedEvent;
  CallbackCallTranscribed: EnreachCallbackCallTranscribedEvent;
  CallbackChanged: EnreachCallbackChangedEvent;
  CallbackListStatus: EnreachCallbackListStatusEvent;
  CallbackUserCallOutConnected: EnreachCallbackUserCallOutConnectedEvent;
  CallbackUserCallOutDisconnected: EnreachCallbackUserCallOutDisconnectedEvent;
  CallbackUserCallOutGoing: EnreachCallbackUserCallOutGoingEvent;
  CallbackUserCallOutHoldEnd: EnreachCallbackUserCallOutHoldEndEvent;
  CallbackUserCallOutHoldStart: EnreachCallbackUserCallOutHoldStartEvent;
  CallbackUserCallOutRecordingConverted: EnreachCallbackUserCallOutRecordingConvertedEvent;
  CallbackUserCallRecorded: EnreachCallbackUserCallRecordedEvent;
  QueueAttachedUsers: EnreachQueueAttachedUsersEvent;
  QueueCallBlockingPromptStarted: EnreachQueueCallBlockingPromptStartedEvent;
  QueueCallInArrived: EnreachQueueCallInArrivedEvent;
  QueueCallInCallbackCreated: EnreachQueueCallInCallbackCreatedEvent;
  QueueCallInComing: EnreachQueueCallInComingEvent;
  QueueCallInDisconnected: EnreachQueueCallInDisconnectedEvent;
  QueueCallInHoldEnd: EnreachQueueCallInHoldEndEvent;
  QueueCallInHoldStart: EnreachQueueCallInHoldStartEvent;
  QueueCallInIvrSelection: EnreachQueueCallInIvrSelectionEvent;
  QueueCallInOverflow: EnreachQueueCallInOverflowEvent;
  QueueCallInRecording: EnreachQueueCallInRecordingEvent;
  QueueCallInScheduleClosed: EnreachQueueCallInScheduleClosedEvent;
  QueueCallInSmartRoutingResult: EnreachQueueCallInSmartRoutingResultEvent;
  QueueCallInTransferCancelled: EnreachQueueCallInTransferCancelledEvent;
  QueueCallInTransferConnected: EnreachQueueCallInTransferConnectedEvent;
  QueueCallInTransferStarted: EnreachQueueCallInTransferStartedEvent;
  QueueCallInUserAllocated: EnreachQueueCallInUserAllocatedEvent;
  QueueCallInUserCancelled: EnreachQueueCallInUserCancelledEvent;
  QueueCallInUserConnected: EnreachQueueCallInUserConnectedEvent;
  QueueCallTranscribed: EnreachQueueCallTranscribedEvent;
  QueueChanged: EnreachQueueChangedEvent;
  QueueDailyCallMetrics: EnreachQueueDailyCallMetricsEvent;
  QueueStatus: EnreachQueueStatusEvent;
  QueueUserCallInRecordingConverted: EnreachQueueUserCallInRecordingConvertedEvent;
  QueueUserCallOutConnected: EnreachQueueUserCallOutConnectedEvent;
  QueueUserCallOutDisconnected: EnreachQueueUserCallOutDisconnectedEvent;
  QueueUserCallOutGoing: EnreachQueueUserCallOutGoingEvent;
  QueueUserCallOutHoldEnd: EnreachQueueUserCallOutHoldEndEvent;
  QueueUserCallOutHoldStart: EnreachQueueUserCallOutHoldStartEvent;
  QueueUserCallOutRecordingConverted: EnreachQueueUserCallOutRecordingConvertedEvent;
  QueueUserCallRecorded: EnreachQueueUserCallRecordedEvent;
  UserAvailability: EnreachUserAvailabilityEvent;
  UserCallAllocationRequest: EnreachUserCallAllocationRequestEvent;
  UserCallAllocationResponse: EnreachUserCallAllocationResponseEvent;
  UserCallBlockingPromptStarted: EnreachUserCallBlockingPromptStartedEvent;
  UserCallInArrived: EnreachUserCallInArrivedEvent;
  UserCallInCallbackCreated: EnreachUserCallInCallbackCreatedEvent;
  UserCallInComing: EnreachUserCallInComingEvent;
  UserCallInDisconnected: EnreachUserCallInDisconnectedEvent;
  UserCallInHoldEnd: EnreachUserCallInHoldEndEvent;
  UserCallInHoldStart: EnreachUserCallInHoldStartEvent;
  UserCallInOverflow: EnreachUserCallInOverflowEvent;
  UserCallInRecordingConverted: EnreachUserCallInRecordingConvertedEvent;
  UserCallInTransferCancelled: EnreachUserCallInTransferCancelledEvent;
  UserCallInTransferConnected: EnreachUserCallInTransferConnectedEvent;
  UserCallInTransferStarted: EnreachUserCallInTransferStartedEvent;
  UserCallInUserAllocated: EnreachUserCallInUserAllocatedEvent;
  UserCallInUserCancelled: EnreachUserCallInUserCancelledEvent;
  UserCallInUserConnected: EnreachUserCallInUserConnectedEvent;
  UserCallInUserOverflow: EnreachUserCallInUserOverflowEvent;
  UserCallOutConnected: EnreachUserCallOutConnectedEvent;
  UserCallOutDisconnected: EnreachUserCallOutDisconnectedEvent;
  UserCallOutGoing: EnreachUserCallOutGoingEvent;
  UserCallOutHoldEnd: EnreachUserCallOutHoldEndEvent;
  UserCallOutHoldStart: EnreachUserCallOutHoldStartEvent;
  UserCallOutRecordingConverted: EnreachUserCallOutRecordingConvertedEvent;
  UserCallPublicityChanged: EnreachUserCallPublicityChangedEvent;
  UserCallRecorded: EnreachUserCallRecordedEvent;
  UserCallTranscribed: EnreachUserCallTranscribedEvent;
  UserConfigurationSetNextCallOut: EnreachUserConfigurationSetNextCallOutEvent;
  UserConfigurationSetNextCallOutRaw: EnreachUserConfigurationSetNextCallOutRawEvent;
  UserQueueAttached: EnreachUserQueueAttachedEvent;
  UserSetting: EnreachUserSettingEvent;
  UserStatus: EnreachUserStatusEvent;
  UserSupervisionStatus: EnreachUserSupervisionStatusEvent;
  UserVoiceMailRecordingConverted: EnreachUserVoiceMailRecordingConvertedEvent;
  UserWrapUpEnabled: EnreachUserWrapUpEnabledEvent;
  UserWrapUpStarted: EnreachUserWrapUpStartedEvent;
  UserWrapUpTerminated: EnreachUserWrapUpTerminatedEvent;
}
export type EnreachEventName = keyof EnreachEventMap;
export type EnreachEvent = EnreachEventMap[EnreachEventName];

export interface ProviderEventMap {
  mluvii: MluviiEventMap;
  enreach: EnreachEventMap;
}
/** The payload type of one event: `EventPayload<'enreach', 'UserStatus'>`. */
export type EventPayload<P extends keyof ProviderEventMap, E extends keyof ProviderEventMap[P]> = ProviderEventMap[P][E];
export type AnyProviderEvent = MluviiEvent | EnreachEvent;
